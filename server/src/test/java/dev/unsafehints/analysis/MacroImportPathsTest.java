package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A dependency's macros reached by more than one step: glob imports (`use dep::*;`), renamings
 * of renamings, and re-export chains and globs at the dependency's root; in the analysis and in
 * what the index declares from a call among items.
 */
class MacroImportPathsTest {
    private static final Path DEP = Path.of("/v/sysm");
    private static final Path APP = Path.of("/v/app");
    private static final CrateInfo SYSM = new CrateInfo(DEP, "sysm", "0.1.0", Edition.E2021);
    private static final CrateInfo APP_CRATE = new CrateInfo(APP, "app", "0.1.0", Edition.E2021);

    private static final String DEP_LIB = """
            #![feature(decl_macro)]
            pub mod sys {
                /// # Safety
                /// `fd` must be open.
                pub unsafe fn close(fd: i32) -> i32 { fd }
            }
            pub mod inner {
                /// Reads through a pointer, in the caller's `unsafe`.
                pub macro deref_inner($p:expr) { *$p }
            }
            /// Reads through a pointer, in the caller's `unsafe`.
            #[macro_export]
            macro_rules! read_unwrapped { ($p:expr) => { *$p }; }
            /// Writes unsafe wrappers of `sys` functions.
            #[macro_export]
            macro_rules! unsafe_wrappers {
                ($($name:ident => $target:ident;)*) => {
                    $(
                        /// # Safety
                        /// As for the wrapped function.
                        pub unsafe fn $name(fd: i32) -> i32 { unsafe { $crate::sys::$target(fd) } }
                    )*
                };
            }
            pub use crate::read_unwrapped as deref_once;
            pub use crate::deref_once as deref_twice;
            pub use crate::inner::*;
            """;

    private WorkspaceIndex index(String... appFiles) {
        WorkspaceIndex index = WorkspaceIndex.empty();
        index.update(SYSM, FileDeclarations.read(DEP.resolve("src/lib.rs"), SYSM, DEP_LIB));
        for (int i = 0; i < appFiles.length; i += 2) {
            index.update(APP_CRATE, FileDeclarations.read(APP.resolve(appFiles[i]), APP_CRATE, appFiles[i + 1]));
        }
        index.setDependencies(Map.of(APP, Map.of("sysm", DEP)));
        return index;
    }

    private static List<Integer> lines(String text, String rule, WorkspaceIndex index, String file) {
        FileAnalysis analysis = new Analyzer().analyze(new SourceDocument(APP.resolve(file), text, APP_CRATE),
                AnalysisSettings.DEFAULT, index);
        return analysis.findings().stream().filter(f -> f.ruleId().equals(rule))
                .map(f -> (int) text.substring(0, f.range().start()).lines().count()).toList();
    }

    @Test
    void aGlobImportOfTheDependencyBringsItsExportedMacros() {
        String app = """
                use sysm::*;
                pub fn read(p: *const u8) -> u8 {
                    // SAFETY: the caller passes a valid pointer.
                    unsafe { read_unwrapped!(p) }
                }
                """;
        assertEquals(List.of(4), lines(app, "raw-pointer-deref", index("src/lib.rs", app), "src/lib.rs"));
    }

    @Test
    void renamingsOfRenamingsAreFollowed() {
        String app = """
                use sysm::read_unwrapped as once;
                use self::once as twice;
                use twice as thrice;
                pub fn read(p: *const u8) -> u8 {
                    // SAFETY: the caller passes a valid pointer.
                    unsafe { thrice!(p) }
                }
                """;
        assertEquals(List.of(6), lines(app, "raw-pointer-deref", index("src/lib.rs", app), "src/lib.rs"));
    }

    @Test
    void aDependencysReexportChainAndRootGlobAreFollowed() {
        String app = """
                pub fn read(p: *const u8) -> u8 {
                    // SAFETY: the caller passes a valid pointer.
                    unsafe { sysm::deref_twice!(p) + sysm::deref_inner!(p) }
                }
                """;
        assertEquals(List.of(3, 3), lines(app, "raw-pointer-deref", index("src/lib.rs", app), "src/lib.rs"));
    }

    @Test
    void anUnrelatedGlobBringsNothing() {
        String app = """
                use std::ptr::*;
                pub fn read(p: *const u8) -> u8 {
                    // SAFETY: the caller passes a valid pointer.
                    unsafe { read_unwrapped!(p) }
                }
                """;
        assertEquals(List.of(), lines(app, "raw-pointer-deref", index("src/lib.rs", app), "src/lib.rs"));
    }

    @Test
    void theIndexDeclaresWhatAGlobImportedOrTwiceRenamedMacroWritesAmongItems() {
        String wrappers = """
                use sysm::*;
                use sysm::unsafe_wrappers as w1;
                use w1 as w2;
                unsafe_wrappers! { close_globbed => close; }
                w2! { close_renamed => close; }
                """;
        String user = """
                pub fn close(fd: i32) -> i32 {
                    unsafe { crate::wrappers::close_globbed(fd) + crate::wrappers::close_renamed(fd) }
                }
                """;
        WorkspaceIndex index = index("src/lib.rs", "pub mod wrappers;\npub mod user;\n", "src/wrappers.rs", wrappers,
                "src/user.rs", user);
        assertEquals(List.of(2, 2), lines(user, "unsafe-call", index, "src/user.rs"));
    }
}
