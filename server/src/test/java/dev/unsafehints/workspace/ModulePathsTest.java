package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unsafehints.grammar.Edition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module paths from Cargo's layout, and from `#[path]` attributes where a crate sets them. */
class ModulePathsTest {
    @TempDir
    Path root;

    @Test
    void theLayoutGivesTheModulePath() throws IOException {
        CrateInfo crate = new CrateInfo(root.toAbsolutePath().normalize(), "c", "", Edition.E2021);
        assertEquals(List.of(), ModulePaths.of(write("src/lib.rs", "mod a;"), crate));
        assertEquals(List.of("a", "b"), ModulePaths.of(write("src/a/b.rs", ""), crate));
        assertEquals(List.of("a"), ModulePaths.of(write("src/a/mod.rs", "mod b;"), crate));
    }

    @Test
    void withoutAManifestTheRootsAreThoseCargoWouldDiscover() throws IOException {
        CrateInfo crate = new CrateInfo(root.toAbsolutePath().normalize(), "c", "", Edition.E2021);
        write("src/lib.rs", "");
        assertEquals(List.of(), ModulePaths.of(write("src/main.rs", "mod cli;"), crate));
        assertEquals(List.of("cli"), ModulePaths.of(write("src/cli.rs", ""), crate));
        assertEquals(List.of(), ModulePaths.of(write("src/bin/tool/main.rs", "mod helper;"), crate));
        assertEquals(List.of("helper"), ModulePaths.of(write("src/bin/tool/helper.rs", ""), crate));
        assertEquals(List.of(), ModulePaths.of(write("tests/it.rs", "mod common;"), crate));
        assertEquals(List.of("common"), ModulePaths.of(write("tests/common/mod.rs", ""), crate));
        assertEquals(List.of(), ModulePaths.of(write("build.rs", ""), crate));
        assertEquals(true, ModulePaths.isTestTarget(root.resolve("tests/common/mod.rs"), crate));
        assertEquals(false, ModulePaths.isTestTarget(root.resolve("src/bin/tool/helper.rs"), crate));
    }

    @Test
    void aPathAttributePlacesTheFileUnderTheModuleThatDeclaresIt() throws IOException {
        Path crateRoot = root.toAbsolutePath().normalize();
        write("src/lib.rs", """
                #[cfg_attr(unix, path = "sys/unix.rs")]
                #[cfg_attr(windows, path = "sys/windows.rs")]
                mod sys;
                pub mod net;
                """);
        write("src/net.rs", "#[path = \"../platform/imp.rs\"]\npub(crate) mod imp;\n");
        CrateInfo crate = new CrateInfo(crateRoot, "c", "", Edition.E2021);

        assertEquals(List.of("sys"), ModulePaths.of(write("src/sys/unix.rs", ""), crate));
        assertEquals(List.of("sys"), ModulePaths.of(write("src/sys/windows.rs", ""), crate));
        assertEquals(List.of("net", "imp"), ModulePaths.of(write("platform/imp.rs", ""), crate),
                "relative to the folder of the declaring file, and outside src/ too");
    }

    @Test
    void filesBelowAPlacedModFileAreItsSubmodules() throws IOException {
        // the shape of the standard library's `core`, which takes `core::arch` from ../stdarch
        Path crateRoot = root.resolve("core").toAbsolutePath().normalize();
        write("core/src/lib.rs", """
                #[path = "../../stdarch/core_arch/src/mod.rs"]
                #[allow(
                    dead_code,
                    unused_imports
                )]
                mod core_arch;
                """);
        CrateInfo crate = new CrateInfo(crateRoot, "core", "", Edition.E2021);
        assertEquals(List.of("core_arch"), ModulePaths.of(write("stdarch/core_arch/src/mod.rs", "mod x86;"), crate));
        assertEquals(List.of("core_arch", "x86"), ModulePaths.of(write("stdarch/core_arch/src/x86/mod.rs", ""), crate));
        assertEquals(List.of("core_arch", "x86", "sse2"),
                ModulePaths.of(write("stdarch/core_arch/src/x86/sse2.rs", ""), crate));
        assertEquals(List.of(), ModulePaths.of(write("elsewhere/other.rs", ""), crate), "not below the placed file");
    }

    @Test
    void aPathAttributeInAnInlineModuleIsReadBelowItsFolder() throws IOException {
        // the Reference: in a mod-rs file, the inline modules around the declaration are folders
        Path crateRoot = root.toAbsolutePath().normalize();
        write("src/lib.rs", "mod outer {\n    #[path = \"x.rs\"]\n    mod inner;\n}\n");
        CrateInfo crate = new CrateInfo(crateRoot, "c", "", Edition.E2021);
        assertEquals(List.of("outer", "inner"), ModulePaths.of(write("src/outer/x.rs", ""), crate));
    }

    @Test
    void aLongAttributeIsReadWithoutRecursion() throws IOException {
        Path crateRoot = root.toAbsolutePath().normalize();
        write("src/lib.rs", "#[doc = \"" + "x".repeat(200_000) + "\"]\n#[path = \"p.rs\"]\nmod q;\n");
        CrateInfo crate = new CrateInfo(crateRoot, "c", "", Edition.E2021);
        assertEquals(List.of("q"), ModulePaths.of(write("src/p.rs", ""), crate));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative).toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theQuickTestPassesEveryFileThatMayWriteAPathAttribute() {
        for (String may : List.of("#[path = \"a.rs\"] mod a;", "#[cfg_attr(unix, path=\"u.rs\")]", "path\n\t =",
                "let path = p;", "path == q")) { // the parse sets the last two aside
            assertEquals(true, PathAttributes.mayPlace(may), may);
        }
        for (String not : List.of("", "path", "(path)= x", "paths = 1", "filepath = 1", "_path = 1", "path2 =", "path: &str",
                "x.path")) {
            assertEquals(false, PathAttributes.mayPlace(not), not);
        }
    }
}
