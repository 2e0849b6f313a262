package dev.unsafehints.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {
    private static Site site(int i, Severity severity) {
        return new Site("unsafe-block", RuleInfo.Category.INVENTORY, severity, "block number " + i + " | with a pipe <b>",
                "src/file" + (i % 50) + ".rs", new Span(i, 5, i, 18), List.of("    unsafe { *p }"), i, "f" + i,
                List.of(), false, "unsafe { *p }", "fp" + i, "h:1", List.of(), Map.of(), true);
    }

    private static ReportModel model(int sites) {
        List<Site> all = new ArrayList<>();
        for (int i = 1; i <= sites; i++) {
            all.add(site(i, i % 3 == 0 ? Severity.WARNING : Severity.INFO));
        }
        FileReport file = new FileReport("src/lib.rs", ".", "2021", all, List.of(), List.of(),
                new Counts(Map.of("unsafe-block", sites)), Counts.EMPTY, new Coverage(1, sites), Coverage.NONE, Map.of());
        CrateReport crate = new CrateReport(".", "big", "1.0.0", "2021", ".", UnsafeCodePolicy.NONE, 1,
                file.counts(), Counts.EMPTY, file.safetyComments(), Coverage.NONE);
        return new ReportModel(ToolInfo.of("0.1.0"), new ScanInfo(List.of("."), "file:///x/", "unsafe-hints/", false),
                List.of(crate), List.of(file), List.of(), Optional.empty());
    }

    @Test
    void staysUnderTheCommentLimitAndSaysWhatItLeftOut() {
        String md = new MarkdownReportWriter().render(model(20_000));
        assertTrue(md.length() < 65_000, "length " + md.length());
        assertTrue(md.contains("more not shown here"), md.substring(md.length() - 500));
        assertTrue(md.contains("## Unsafe Hints: 20000 unsafe findings"));
    }

    @Test
    void loudestFirstWithRuleLinksAndEscapedCells() {
        String md = new MarkdownReportWriter().render(model(6));
        int firstRow = md.indexOf("| ⚠️ warning |");
        assertTrue(firstRow > 0 && firstRow < md.indexOf("| ℹ️ note |"), md);
        assertTrue(md.contains("[`unsafe-block`](https://"), md);
        assertTrue(md.contains("block number 3 \\| with a pipe &lt;b&gt;"), md);
    }
}
