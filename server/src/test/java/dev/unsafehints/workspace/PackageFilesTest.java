package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a package's library: its own module tree's folder, without the package's other targets. */
class PackageFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLibraryAtThePackageRootLeavesOutTheOtherTargetsNestedPackagesAndBuildOutput() throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        write("Cargo.toml", """
                [package]
                name = "flat"
                version = "1.0.0"
                edition = "2021"

                [lib]
                path = "lib.rs"
                """);
        write("lib.rs", "mod a;\nmod sub;\n");
        write("a.rs", "");
        write("sub/mod.rs", "mod b;\n");
        write("sub/b.rs", "");
        write("build.rs", "fn main() {}\n");
        write("src/main.rs", "fn main() {}\n");
        write("src/bin/tool.rs", "fn main() {}\n");
        write("tests/it.rs", "");
        write("tests/common/mod.rs", "");
        write("examples/demo.rs", "fn main() {}\n");
        write("benches/speed.rs", "");
        write("target/debug/build/flat-1/out/generated.rs", "");
        write("member/Cargo.toml", "[package]\nname = \"member\"\nversion = \"0.1.0\"\n");
        write("member/src/lib.rs", "");

        CrateGraph.Package pkg = new CrateGraph.Package("flat", "1.0.0", "registry", root, root, false);
        assertEquals(List.of("a.rs", "lib.rs", "sub/b.rs", "sub/mod.rs"), relative(root, PackageFiles.underLibDir(pkg)));
    }

    @Test
    void theUsualLayoutKeepsSrcWithoutItsBinaries() throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        write("Cargo.toml", "[package]\nname = \"usual\"\nversion = \"1.0.0\"\nedition = \"2021\"\n");
        write("src/lib.rs", "mod m;\n");
        write("src/m.rs", "");
        write("src/main.rs", "fn main() {}\n");
        write("src/bin/tool/main.rs", "mod helper;\nfn main() {}\n");
        write("src/bin/tool/helper.rs", "");

        CrateGraph.Package pkg = new CrateGraph.Package("usual", "1.0.0", "registry", root, root.resolve("src"), false);
        assertEquals(List.of("src/lib.rs", "src/m.rs"), relative(root, PackageFiles.underLibDir(pkg)));
    }

    private static List<String> relative(Path root, List<Path> files) {
        return files.stream().map(p -> root.relativize(p).toString()).toList();
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
