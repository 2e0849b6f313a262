package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crate macros seen through their expansions: where definitions come from, nesting, bad input. */
class MacroExpansionAnalysisTest {
    private static final CrateInfo CRATE = new CrateInfo(Path.of("/c"), "c", "0.0.0", Edition.E2021);

    private static final String MACROS = """
            /// Calls a libc-like function, `-1` is an error.
            macro_rules! syscall {
                ($fn: ident ( $($arg: expr),* $(,)* ) ) => {{
                    #[allow(unused_unsafe)]
                    let res = unsafe { $crate::sys::$fn($($arg, )*) };
                    if res == -1 { Err(()) } else { Ok(res) }
                }};
            }
            """;
    private static final String SYS = "pub unsafe fn close(fd: i32) -> i32 { fd }\n";
    private static final String USER = """
            pub fn close(fd: i32) -> Result<i32, ()> {
                syscall!(close(fd))
            }
            """;

    @Test
    void aMacroOfAnotherFileOfTheCrateIsExpandedInASafeFunctionsBody() {
        WorkspaceIndex index = WorkspaceIndex.empty();
        index.update(CRATE, FileDeclarations.read(Path.of("/c/src/macros.rs"), CRATE, MACROS));
        index.update(CRATE, FileDeclarations.read(Path.of("/c/src/sys.rs"), CRATE, SYS));
        Path user = Path.of("/c/src/user.rs");
        index.update(CRATE, FileDeclarations.read(user, CRATE, USER));
        FileAnalysis analysis = new Analyzer().analyze(new SourceDocument(user, USER, CRATE), AnalysisSettings.DEFAULT,
                index);
        List<Finding> calls = of(analysis, "unsafe-call");
        assertEquals(1, calls.size(), analysis.findings().toString());
        assertEquals(USER.indexOf("syscall!"), calls.get(0).range().start());
        assertTrue(calls.get(0).message().contains("in the expansion of `syscall!`"), calls.get(0).message());
        assertEquals(List.of(), of(analysis, "missing-safety-comment"), "the macro's block is its text's");
        assertEquals(List.of(), of(analysis, "unsafe-block"));
    }

    @Test
    void twoDifferentDefinitionsOfANameInOtherFilesAreNotGuessedBetween() {
        WorkspaceIndex index = WorkspaceIndex.empty();
        index.update(CRATE, FileDeclarations.read(Path.of("/c/src/macros.rs"), CRATE, MACROS));
        index.update(CRATE, FileDeclarations.read(Path.of("/c/src/other.rs"), CRATE,
                "macro_rules! syscall { ($($t:tt)*) => { 0 } }\n"));
        index.update(CRATE, FileDeclarations.read(Path.of("/c/src/sys.rs"), CRATE, SYS));
        Path user = Path.of("/c/src/user.rs");
        index.update(CRATE, FileDeclarations.read(user, CRATE, USER));
        FileAnalysis analysis = new Analyzer().analyze(new SourceDocument(user, USER, CRATE), AnalysisSettings.DEFAULT,
                index);
        assertEquals(List.of(), of(analysis, "unsafe-call"));
    }

    @Test
    void nestedCallsAreExpandedAndTheInnermostMacroIsNamed() {
        String text = """
                unsafe fn raw() {}
                macro_rules! inner { () => { raw() } }
                macro_rules! outer { () => { inner!() } }
                pub fn f() {
                    // SAFETY: `raw` has no preconditions.
                    unsafe { outer!(); outer!() }
                }
                """;
        FileAnalysis analysis = analyze(text);
        List<Finding> calls = of(analysis, "unsafe-call");
        assertEquals(2, calls.size(), analysis.findings().toString());
        assertTrue(calls.get(0).message().contains("in the expansion of `inner!`"), calls.get(0).message());
        assertEquals(1, of(analysis, "multiple-unsafe-ops").size());
    }

    @Test
    void runawayMacrosGetOneNoteAndTheRestOfTheFileIsAnalysed() {
        String text = """
                macro_rules! boom { ($($t:tt)*) => { boom!($($t)* $($t)*); boom!($($t)* $($t)*) } }
                pub fn f() {
                    unsafe { boom!(x) }
                }
                pub fn g(p: *const u8) -> u8 {
                    // SAFETY: the caller's pointer is valid.
                    unsafe { *p }
                }
                """;
        FileAnalysis analysis = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> analyze(text));
        assertEquals(1, of(analysis, "macro-not-expanded").size(), analysis.findings().toString());
        assertEquals(1, of(analysis, "raw-pointer-deref").size());
    }

    @Test
    void aRunawayMacroAmongItemsIsBoundedForTheIndexToo() {
        // the index expands item calls to know what they declare: the same budget bounds it
        String text = """
                macro_rules! boom { ($($t:tt)*) => { boom!($($t)* $($t)*); boom!($($t)* $($t)*); }; }
                boom!(pub unsafe fn x() {});
                pub fn g(p: *const u8) -> u8 {
                    // SAFETY: the caller's pointer is valid.
                    unsafe { *p }
                }
                """;
        WorkspaceIndex index = WorkspaceIndex.empty();
        Path file = Path.of("/c/src/lib.rs");
        FileAnalysis analysis = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            index.update(CRATE, FileDeclarations.read(file, CRATE, text));
            return new Analyzer().analyze(new SourceDocument(file, text, CRATE), AnalysisSettings.DEFAULT, index);
        });
        assertEquals(1, of(analysis, "macro-not-expanded").size(), analysis.findings().toString());
        assertEquals(1, of(analysis, "raw-pointer-deref").size());
    }

    @Test
    void aTranscriberThatDoesNotParseIsANote() {
        String text = """
                macro_rules! broken { () => { unsafe { let } } }
                pub fn f() -> u8 {
                    broken!()
                }
                """;
        FileAnalysis analysis = analyze(text);
        List<Finding> notes = of(analysis, "macro-not-expanded");
        assertEquals(1, notes.size(), analysis.findings().toString());
        assertTrue(notes.get(0).message().contains("does not parse"), notes.get(0).message());
    }

    @Test
    void metavariableExpressionsAreExpandedAsStdsSyscallMacroWritesThem() {
        String text = """
                mod libc {
                    pub const SYS_gettid: i64 = 186;
                    pub unsafe fn syscall(n: i64, a: i64) -> i64 { n + a }
                }
                macro_rules! syscall {
                    (fn $name:ident($($param:ident : $t:ty),*) -> $ret:ty;) => {
                        fn $name($($param: $t),*) -> $ret {
                            unsafe { libc::syscall(libc::${concat(SYS_, $name)}, $($param),*) as $ret }
                        }
                    };
                }
                syscall!(fn gettid(a: i64) -> i64;);
                """;
        FileAnalysis analysis = analyze(text);
        assertEquals(List.of(), of(analysis, "macro-not-expanded"));
        List<Finding> calls = of(analysis, "unsafe-call");
        assertEquals(1, calls.size(), analysis.findings().toString());
        assertEquals(text.indexOf("syscall!(fn"), calls.get(0).range().start());
        assertTrue(calls.get(0).message().contains("in the expansion of `syscall!`"), calls.get(0).message());
    }

    private static FileAnalysis analyze(String text) {
        return new Analyzer().analyze(new SourceDocument(Path.of("/c/src/lib.rs"), text, CRATE),
                AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
    }

    @Test
    void aMacrosHygienicLocalReadsAsWrittenInMessages() {
        String text = """
                macro_rules! read_own {
                    ($e:expr) => {{
                        let own: *const u32 = $e;
                        *own
                    }};
                }
                pub fn f(r: &u32) -> u32 {
                    // SAFETY: `r` is a valid reference.
                    unsafe { read_own!(r) }
                }
                """;
        Path file = Path.of("/c/src/lib.rs");
        WorkspaceIndex index = WorkspaceIndex.empty();
        index.update(CRATE, FileDeclarations.read(file, CRATE, text));
        FileAnalysis analysis = new Analyzer().analyze(new SourceDocument(file, text, CRATE), AnalysisSettings.DEFAULT,
                index);
        List<Finding> derefs = of(analysis, "raw-pointer-deref");
        assertEquals(1, derefs.size(), analysis.findings().toString());
        assertTrue(derefs.get(0).message().contains("`own` is declared `*const u32`"), derefs.get(0).message());
        for (Finding finding : analysis.findings()) {
            assertTrue(finding.message().chars().allMatch(c -> c < 0x2000 || c > 0x2060 && c != 0xFEFF),
                    "no hygiene mark in: " + finding.message());
        }
    }

    private static List<Finding> of(FileAnalysis analysis, String rule) {
        return analysis.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
    }
}
