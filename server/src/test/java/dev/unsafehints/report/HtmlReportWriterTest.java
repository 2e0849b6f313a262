package dev.unsafehints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The HTML report with many findings: short cards, each with its own conditions, the guideline once. */
class HtmlReportWriterTest {
    @Test
    void tenThousandFindingsGiveShortCardsWithTheirOwnConditions() throws Exception {
        List<Site> all = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            int line = i * 3;
            all.add(new Site("unsafe-block", RuleInfo.Category.INVENTORY, Severity.INFO, "unsafe block " + i,
                    "src/f" + (i % 40) + ".rs", new Span(line, 5, line, 20), List.of("    unsafe { *p }"), line, "f",
                    List.of(), false, "unsafe { *p }", "b" + i, "h:1", List.of(), Map.of(), true));
            all.add(new Site("raw-pointer-deref", RuleInfo.Category.OPERATION, Severity.INFO, "dereference of `p`",
                    "src/f" + (i % 40) + ".rs", new Span(line, 14, line, 16), List.of("    unsafe { *p }"), line, "f",
                    List.of(), false, "*p", "d" + i, "h:1", List.of(), Map.of("subject", "p", "access", "write"), true));
        }
        all.sort(java.util.Comparator.comparing(Site::path).thenComparingInt(s -> s.span().startLine())
                .thenComparingInt(s -> s.span().startColumn()));
        FileReport file = new FileReport("src/lib.rs", ".", "2021", all, List.of(), List.of(),
                new Counts(Map.of("unsafe-block", 5_000, "raw-pointer-deref", 5_000)), Counts.EMPTY,
                new Coverage(0, 5_000), Coverage.NONE, Map.of());
        CrateReport crate = new CrateReport(".", "big", "1.0.0", "2021", ".", UnsafeCodePolicy.NONE, 1,
                file.counts(), Counts.EMPTY, file.safetyComments(), Coverage.NONE);
        ReportModel model = new ReportModel(ToolInfo.of("0.1.0"), new ScanInfo(List.of("."), "file:///x/", "u/", false),
                List.of(crate), List.of(file), List.of(), Optional.empty());
        StringWriter out = new StringWriter();
        new HtmlReportWriter().write(model, out);
        String html = out.toString();
        assertEquals(5_000, html.split("<article class=\"site note r-unsafe-block\"", -1).length - 1);
        // each card: its operation's conditions (a write), not the rule document again
        assertTrue(html.contains("<li>line 3, <code>p</code>: non-null · aligned · valid for the write"), html.substring(0, 3000));
        assertEquals(1, html.split("id=\"rule-unsafe-block\"", -1).length - 1);
        assertEquals(1, html.split("id=\"rule-raw-pointer-deref\"", -1).length - 1);
        assertTrue(html.length() / 5_000 < 2_500, "bytes per card: " + html.length() / 5_000);
    }
}
