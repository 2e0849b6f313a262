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
        assertEquals(5_000, html.split("<article class=\"site lv-note r-unsafe-block\"", -1).length - 1);
        // each card: its operation's conditions (a write), not the rule document again
        assertTrue(html.contains("<li>line 3, <code>p</code>: non-null · aligned · valid for the write"), html.substring(0, 3000));
        assertEquals(1, html.split("id=\"rule-unsafe-block\"", -1).length - 1);
        assertEquals(1, html.split("id=\"rule-raw-pointer-deref\"", -1).length - 1);
        assertTrue(html.length() / 5_000 < 2_500, "bytes per card: " + html.length() / 5_000);
    }

    /**
     * Cards, filters and the crate table say the levels and counts as the other reports do: a hint
     * card is filtered as "hint" (the filter said "note" for it), the levels come loudest first, the
     * crate filter counts cards as the others do (it counted findings), and the crate table leaves
     * out the kinds no crate has (24 columns did not fit 1400 px) and names them.
     */
    @Test
    void levelsAndCountsAreTheOtherReportsOnes() throws Exception {
        Site cast = new Site("raw-pointer-cast", RuleInfo.Category.INVENTORY, Severity.HINT, "cast to a raw pointer",
                "src/lib.rs", new Span(2, 5, 2, 20), List.of("    x as *const u8"), 2, "f", List.of(), false,
                "x as *const u8", "c1", "h:1", List.of(), Map.of(), true);
        Site block = new Site("unsafe-block", RuleInfo.Category.INVENTORY, Severity.HINT, "unsafe block",
                "src/lib.rs", new Span(3, 5, 3, 18), List.of("    unsafe { *p }"), 3, "f", List.of(), false,
                "unsafe { *p }", "b1", "h:2", List.of(), Map.of(), true);
        Site comment = new Site("missing-safety-comment", RuleInfo.Category.GUIDELINE, Severity.WARNING,
                "unsafe block without a SAFETY comment", "src/lib.rs", new Span(3, 5, 3, 11),
                List.of("    unsafe { *p }"), 3, "f", List.of(), false, "unsafe", "m1", "h:2", List.of(), Map.of(), true);
        Site deref = new Site("raw-pointer-deref", RuleInfo.Category.OPERATION, Severity.INFO, "dereference of `p`",
                "src/lib.rs", new Span(3, 14, 3, 16), List.of("    unsafe { *p }"), 3, "f", List.of(), false,
                "*p", "d1", "h:2", List.of(), Map.of("subject", "p", "access", "read"), true);
        Counts counts = new Counts(Map.of("raw-pointer-cast", 1, "unsafe-block", 1, "missing-safety-comment", 1,
                "raw-pointer-deref", 1));
        FileReport file = new FileReport("src/lib.rs", ".", "2021", List.of(cast, block, comment, deref), List.of(),
                List.of(), counts, Counts.EMPTY, new Coverage(0, 1), Coverage.NONE, Map.of());
        CrateReport crate = new CrateReport(".", "small", "1.0.0", "2021", ".", UnsafeCodePolicy.NONE, 1,
                counts, Counts.EMPTY, file.safetyComments(), Coverage.NONE);
        Site otherCast = new Site("raw-pointer-cast", RuleInfo.Category.INVENTORY, Severity.HINT, "cast to a raw pointer",
                "other/src/lib.rs", new Span(1, 5, 1, 20), List.of("    x as *const u8"), 1, "g", List.of(), false,
                "x as *const u8", "c2", "h:3", List.of(), Map.of(), true);
        FileReport other = new FileReport("other/src/lib.rs", "other", "2021", List.of(otherCast), List.of(), List.of(),
                new Counts(Map.of("raw-pointer-cast", 1)), Counts.EMPTY, Coverage.NONE, Coverage.NONE, Map.of());
        CrateReport otherCrate = new CrateReport("other", "other", "1.0.0", "2021", "other", UnsafeCodePolicy.NONE, 1,
                other.counts(), Counts.EMPTY, Coverage.NONE, Coverage.NONE);
        ReportModel model = new ReportModel(ToolInfo.of("0.1.0"), new ScanInfo(List.of("."), "file:///x/", "u/", false),
                List.of(crate, otherCrate), List.of(file, other), List.of(), Optional.empty());
        StringWriter out = new StringWriter();
        new HtmlReportWriter().write(model, out);
        String html = out.toString();

        assertTrue(html.contains("<article class=\"site lv-hint r-raw-pointer-cast\""), "a hint card is a hint");
        assertTrue(html.contains("<article class=\"site lv-warning r-unsafe-block\""), "the loudest finding on it");
        assertTrue(html.contains("<span class=\"badge lv-hint\">hint</span>"), "its badge");
        int warning = html.indexOf("<label for=\"f-level-warning\">warning <span class=\"count\">1</span>");
        int hint = html.indexOf("<label for=\"f-level-hint\">hint <span class=\"count\">2</span>");
        assertTrue(warning > 0 && hint > warning, "levels loudest first, each counting cards");
        assertTrue(!html.contains("f-level-note"), "no card is a note");
        assertTrue(html.contains("small 1.0.0 <span class=\"count\">2</span>"), "the crate filter counts the 2 cards, not 4 findings");
        String table = html.substring(html.indexOf("<section id=\"crates\">"), html.indexOf("</section>", html.indexOf("<section id=\"crates\">")));
        assertTrue(table.contains("title=\"unsafe-block\">blocks</th>") && table.contains("title=\"raw-pointer-deref\">deref</th>"), table);
        assertTrue(!table.contains("title=\"union\"") && !table.contains("title=\"inline-asm-use\""), table);
        assertTrue(table.contains("None in any crate, so not shown: fns, impls, traits, extern, static mut, unions,"), table);
    }
}
