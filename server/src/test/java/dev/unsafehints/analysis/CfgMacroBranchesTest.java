package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code in the branches of `cfg_if!` and `cfg_select!` is analysed and declared like code outside them. */
class CfgMacroBranchesTest {
    private static List<Finding> findings(String text, String ruleId) {
        FileAnalysis a = new Analyzer().analyze(new SourceDocument(Path.of("t.rs"), text,
                new CrateInfo(null, "t", "0.0.0", Edition.E2021)), AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void functionsOfAnExternBlockInABranchAreUnsafeToCall() {
        String text = """
                cfg_if::cfg_if! {
                    if #[cfg(unix)] {
                        extern "C" {
                            fn getpid() -> i32;
                        }
                    } else {
                        unsafe fn getpid() -> i32 { 0 }
                    }
                }

                pub fn pid() -> i32 {
                    // SAFETY: getpid has no preconditions.
                    unsafe { getpid() }
                }
                """;
        List<Finding> calls = findings(text, "unsafe-call");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals(text.indexOf("getpid() }"), calls.get(0).range().start());
        assertTrue(findings(text, "unused-unsafe").isEmpty());
        assertEquals(1, findings(text, "extern-block").size());
        assertEquals(1, findings(text, "unsafe-fn").size());
    }

    @Test
    void aBranchInAFunctionBodyIsABlockOfStatements() {
        String text = """
                pub fn first(p: *const u8) -> u8 {
                    cfg_select! {
                        target_os = "linux" => {
                            let b = unsafe { *p };
                            b
                        }
                        _ => { 0 }
                    }
                }
                """;
        assertEquals(1, findings(text, "unsafe-block").size());
        assertEquals(1, findings(text, "raw-pointer-deref").size());
    }

    @Test
    void anotherShapeIsLeftAlone() {
        String text = """
                cfg_if::cfg_if! { if #[cfg(unix)] { fn broken( } }
                my_macro! { unsafe { *p } }
                pub fn ok() {}
                """;
        assertTrue(findings(text, "unsafe-block").isEmpty());
    }

    @Test
    void findingsInABranchCarryItsCondition() {
        String text = """
                cfg_if::cfg_if! {
                    if #[cfg(all(unix, feature = "std"))] {
                        pub fn a(p: *const u8) -> u8 { unsafe { *p } }
                    } else if #[cfg(windows)] {
                        pub fn b(p: *const u8) -> u8 { unsafe { *p } }
                    } else {
                        #[cfg(test)]
                        pub fn c(p: *const u8) -> u8 { unsafe { *p } }
                    }
                }

                pub fn d(p: *const u8) -> u8 {
                    cfg_select! {
                        target_os = "linux" => { unsafe { *p } }
                        _ => { 0 }
                    }
                }
                """;
        List<List<String>> cfg = findings(text, "unsafe-block").stream().map(Finding::cfg).toList();
        assertEquals(List.of(List.of("all(unix, feature = \"std\")"), List.of("windows"),
                List.of("not(any(all(unix, feature = \"std\"), windows))", "test"),
                List.of("target_os = \"linux\"")), cfg);
    }
}
