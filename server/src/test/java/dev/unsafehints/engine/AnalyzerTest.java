package dev.unsafehints.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.FileSummary;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.rules.guideline.LargeUnsafeBlockRule;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analysis API end to end on small real snippets: positions, broken files, settings, suppression. */
class AnalyzerTest {
    private static FileAnalysis analyze(String text) {
        return analyze(text, AnalysisSettings.DEFAULT);
    }

    private static FileAnalysis analyze(String text, AnalysisSettings settings) {
        return new Analyzer().analyze(new SourceDocument(Path.of("t.rs"), text,
                new CrateInfo(null, "t", "0.0.0", Edition.E2021)), settings, WorkspaceIndex.empty());
    }

    private static List<Finding> of(FileAnalysis a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void typesInMessagesAreWrittenAsPeopleWriteThem() {
        String text = String.join("\n",
                "fn make() -> *mut u8 { std::ptr::null_mut() }",
                "fn pair() -> (*const u8, usize) { (std::ptr::null(), 0) }",
                "// SAFETY: test",
                "pub fn f() -> u8 { let (p, _n) = pair(); unsafe { *make() + *p } }",
                "");
        List<String> messages = of(analyze(text), "raw-pointer-deref").stream().map(Finding::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("`make` returns `*mut u8`")), messages.toString());
        assertTrue(messages.stream().noneMatch(m -> m.contains("*mutu8") || m.contains("*constu8")), messages.toString());
    }

    @Test
    void positionsAreUtf16AfterEmojiAndCjk() {
        String text = "fn f(p: *const u8) -> u8 { let s = \"😀😀\"; /* 注释 */ unsafe { *p } }\n";
        FileAnalysis a = analyze(text);
        Finding block = of(a, "unsafe-block").get(0);
        assertEquals(text.indexOf("unsafe"), block.range().start());
        TextPosition start = a.start(block);
        assertEquals(0, start.line());
        assertEquals(text.indexOf("unsafe"), start.column(), "UTF-16 column: each emoji counts two");
        Finding deref = of(a, "raw-pointer-deref").get(0);
        assertEquals("*p", a.source().slice(deref.range()));
    }

    @Test
    void crlfAndTabsKeepExactLinesAndColumns() {
        String text = "fn f(p: *const u8) -> u8 {\r\n\tunsafe { *p }\r\n}\r\n";
        FileAnalysis a = analyze(text);
        Finding block = of(a, "unsafe-block").get(0);
        assertEquals(new TextPosition(1, 1), a.start(block));
    }

    @Test
    void findingsOutsideABrokenItemAreKept() {
        String text = "fn broken( { let x = ; }\n\nfn fine(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
        FileAnalysis a = analyze(text);
        assertFalse(a.syntaxProblems().isEmpty());
        assertFalse(a.notes().isEmpty());
        List<Finding> blocks = of(a, "unsafe-block");
        assertEquals(1, blocks.size(), a.findings().toString());
        assertEquals(3, a.start(blocks.get(0)).line());
    }

    @Test
    void severityCanBeConfiguredOrTurnedOff() {
        String text = "fn f(p: *const u8) -> u8 { unsafe { *p } }";
        FileAnalysis off = analyze(text, AnalysisSettings.DEFAULT.overriddenBy(
                Map.of("missing-safety-comment", Severity.OFF), Map.of()));
        assertTrue(of(off, "missing-safety-comment").isEmpty());
        FileAnalysis error = analyze(text, AnalysisSettings.DEFAULT.overriddenBy(
                Map.of("missing-safety-comment", Severity.ERROR), Map.of()));
        assertEquals(Severity.ERROR, of(error, "missing-safety-comment").get(0).severity());
    }

    @Test
    void theLargeBlockThresholdIsTheRulesOption() {
        String text = String.join("\n",
                "fn f(p: *const u8) -> u8 {",
                "    unsafe {",
                "        let a = 1;",
                "        let b = 2;",
                "        let c = a + b;",
                "        *p + c",
                "    }",
                "}");
        assertTrue(of(analyze(text), LargeUnsafeBlockRule.ID).isEmpty(), "3 safe statements are within the default 5");
        FileAnalysis strict = analyze(text, AnalysisSettings.DEFAULT.overriddenBy(Map.of(),
                Map.of(LargeUnsafeBlockRule.THRESHOLD, 1)));
        List<Finding> large = of(strict, LargeUnsafeBlockRule.ID);
        assertEquals(1, large.size());
        assertEquals("3", large.get(0).properties().get("safeStatements"));
    }

    @Test
    void commentAndAttributeSuppressions() {
        String text = String.join("\n",
                "fn a(p: *const u8) -> u8 {",
                "    unsafe { *p } // unsafe-hints: allow(missing-safety-comment)",
                "}",
                "#[allow(clippy::undocumented_unsafe_blocks)]",
                "fn b(p: *const u8) -> u8 {",
                "    unsafe { *p }",
                "}",
                "fn c(p: *const u8) -> u8 {",
                "    // unsafe-hints: allow(missing-safety-comment)",
                "    unsafe { *p }",
                "}",
                "fn d(p: *const u8) -> u8 {",
                "    unsafe { *p }",
                "}");
        List<Finding> missing = of(analyze(text), "missing-safety-comment");
        assertEquals(1, missing.size());
        assertEquals(12, analyze(text).start(missing.get(0)).line());
    }

    @Test
    void summaryCountsBlocksAndDocumentation() {
        String text = "fn f(p: *const u8) -> u8 {\n    // SAFETY: p is valid\n    let a = unsafe { *p };\n"
                + "    unsafe { *p } + a\n}\n/// # Safety\n/// p must be valid\npub unsafe fn g(p: *const u8) {}\n";
        FileSummary s = analyze(text).summary();
        assertEquals(2, s.unsafeBlocks());
        assertEquals(1, s.documentedUnsafeBlocks());
        assertEquals(1, s.unsafeFunctions());
        assertEquals(1, s.documentedUnsafeFunctions());
    }

    @Test
    void cfgConditionsAreRecordedPerFinding() {
        String text = "#[cfg(test)]\nmod tests {\n    #[cfg(feature = \"x\")]\n"
                + "    fn f(p: *const u8) -> u8 { unsafe { *p } }\n}\nfn g(p: *const u8) -> u8 { unsafe { *p } }\n";
        FileAnalysis a = analyze(text);
        List<Finding> blocks = of(a, "unsafe-block");
        assertEquals(List.of("test", "feature = \"x\""), blocks.get(0).cfg());
        assertEquals(List.of(), blocks.get(1).cfg());
    }

    @Test
    void bareModuleKeywordsAsPathsDoNotBreakResolution() {
        // `self` / `super` / `crate` alone, as values and callees, next to a static mut of the same module
        String text = "static mut X: u8 = 0;\nmod m { pub fn f() {} }\nstruct S;\n"
                + "impl S { fn g(self) -> Self { let s = self; s } }\n"
                + "fn h() { unsafe { X = 1; } }\n";
        FileAnalysis a = analyze(text);
        assertTrue(a.notes().isEmpty(), a.notes().toString());
        assertEquals(1, of(a, "static-mut-access").size());
    }

    @Test
    void deepNestingDoesNotCrash() {
        String deepest = "unsafe fn f() { let x = " + "(".repeat(200) + "1" + ")".repeat(200) + "; }";
        assertTrue(analyze(deepest).syntaxProblems().isEmpty(), analyze(deepest).notes().toString());
        // beyond the nesting limit the file is refused with one clear message (parsing it would take minutes)
        String text = "unsafe fn f() { let x = " + "(".repeat(3000) + "1" + ")".repeat(3000) + "; }";
        FileAnalysis a = analyze(text);
        assertEquals(1, a.syntaxProblems().size(), a.notes().toString());
        assertTrue(a.syntaxProblems().get(0).message().startsWith("nesting too deep"), a.syntaxProblems().toString());
        // the body of a safe fn without unsafe code is not parsed, however deep it nests
        assertTrue(analyze(text.substring("unsafe ".length())).syntaxProblems().isEmpty());
    }

    @Test
    void aSafeTargetFeatureFnIsAnUnsafeCallWhereItsFeaturesAreOff() {
        String text = """
                #[target_feature(enable = "avx2")]
                fn fast(x: u8) -> bool { x > 1 }

                #[target_feature(enable = "avx2")]
                fn also_fast(x: u8) -> bool { fast(x) }

                pub fn slow(x: u8) -> bool {
                    // SAFETY: the caller checked that the CPU has AVX2.
                    unsafe { fast(x) }
                }
                """;
        List<Finding> calls = of(analyze(text), "unsafe-call");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals(text.indexOf("fast(x) }\n}"), calls.get(0).range().start());
        assertTrue(calls.get(0).message().contains("target feature"), calls.get(0).message());
    }
}
