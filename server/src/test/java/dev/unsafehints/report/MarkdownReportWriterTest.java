package dev.unsafehints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleDocs;
import dev.unsafehints.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {
    private static Site site(int i, String rule, Severity severity) {
        return new Site(rule, RuleInfo.Category.INVENTORY, severity, "block number " + i + " | with a pipe <b>",
                "src/file" + (i % 50) + ".rs", new Span(i, 5, i, 18), List.of("    unsafe { *p }"), i, "f" + i,
                List.of(), false, "unsafe { *p }", "fp" + i, "h:1", List.of(), Map.of(), true);
    }

    private static ReportModel model(int sites) {
        List<Site> all = new ArrayList<>();
        for (int i = 1; i <= sites; i++) {
            all.add(i % 3 == 0 ? site(i, "missing-safety-comment", Severity.WARNING) : site(i, "unsafe-block", Severity.INFO));
        }
        FileReport file = new FileReport("src/lib.rs", ".", "2021", all, List.of(), List.of(),
                new Counts(Map.of("unsafe-block", sites)), Counts.EMPTY, new Coverage(1, sites), Coverage.NONE, Map.of());
        CrateReport crate = new CrateReport(".", "big", "1.0.0", "2021", ".", UnsafeCodePolicy.NONE, 1,
                file.counts(), Counts.EMPTY, file.safetyComments(), Coverage.NONE);
        return new ReportModel(ToolInfo.of("0.1.0"), new ScanInfo(List.of("."), "file:///x/", "unsafe-hints/", false),
                List.of(crate), List.of(file), List.of(), Optional.empty());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void staysUnderTheCommentLimitAndSaysWhatItLeftOut() {
        String md = new MarkdownReportWriter().render(model(20_000));
        assertTrue(md.length() < 65_000, "length " + md.length());
        assertTrue(md.contains("more not shown here"), md.substring(md.length() - 500));
        assertTrue(md.contains("## Unsafe Hints: 20000 unsafe findings"));
    }

    @Test
    void groupsByRuleWithOneDocumentLinkEachLoudestFirstAndFoldsTheNotes() {
        String md = new MarkdownReportWriter().render(model(60));
        // one link per rule, not one per row
        assertEquals(1, count(md, "](" + RuleDocs.url("missing-safety-comment") + ")"), md);
        assertEquals(1, count(md, "](" + RuleDocs.url("unsafe-block") + ")"), md);
        int warnings = md.indexOf("#### ⚠️ warning · [`missing-safety-comment`]");
        int notes = md.indexOf("<details><summary>ℹ️ 40 notes (1 rule)");
        assertTrue(warnings > 0 && notes > warnings, md);
        assertTrue(md.indexOf("#### ℹ️ note · [`unsafe-block`]") > notes, md);
        assertTrue(md.contains("</details>"), md);
        // grouped by file: each file named once per rule, its locations under it
        assertEquals(1, count(md.substring(warnings, notes), "- `src/file3.rs`"), md);
        assertTrue(md.contains("  - `3:5` block number 3 \\| with a pipe &lt;b&gt;"), md);
        // at most 25 per rule, the rest counted
        assertTrue(md.contains("- … and 15 more"), md);
    }

    @Test
    void theFoldedPartCountsNotesAndHintsApart() {
        List<Site> all = List.of(site(1, "unsafe-call", Severity.INFO), site(2, "unsafe-block", Severity.HINT),
                site(3, "unsafe-block", Severity.HINT));
        FileReport file = new FileReport("src/lib.rs", ".", "2021", all, List.of(), List.of(),
                new Counts(Map.of("unsafe-block", 2, "unsafe-call", 1)), Counts.EMPTY, new Coverage(0, 2), Coverage.NONE, Map.of());
        CrateReport crate = new CrateReport(".", "small", "1.0.0", "2021", ".", UnsafeCodePolicy.NONE, 1,
                file.counts(), Counts.EMPTY, file.safetyComments(), Coverage.NONE);
        String md = new MarkdownReportWriter().render(new ReportModel(ToolInfo.of("0.1.0"),
                new ScanInfo(List.of("."), "file:///x/", "unsafe-hints/", false), List.of(crate), List.of(file), List.of(),
                Optional.empty()));
        assertTrue(md.contains("<details><summary>ℹ️ 1 note and 2 hints (2 rules)"), "it said '3 notes': " + md);
    }

    @Test
    void locationsLinkToTheFileAndLineWhenTheRepositoryIsKnown() {
        String md = new MarkdownReportWriter(new RepoLinks("https://github.com/o/r/blob/abc123", "crates/x"))
                .render(model(3));
        assertTrue(md.contains("  - [3:5](https://github.com/o/r/blob/abc123/crates/x/src/file3.rs#L3) block number 3"), md);
    }
}
