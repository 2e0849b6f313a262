package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unsafehints.grammar.Edition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a crate's edition and version as Cargo does, workspace inheritance included. */
class CargoManifestsTest {
    @TempDir
    Path root;

    @Test
    void aWorkspaceRootThatIsAlsoAPackageInheritsFromItself() throws IOException {
        write("Cargo.toml", """
                [package]
                name = "tool"
                version.workspace = true
                edition.workspace = true

                [workspace]
                members = ["crates/*"]

                [workspace.package]
                version = "0.9.0"
                edition = "2021"
                """);
        CrateInfo crate = new CargoManifests().crateOf(write("src/main.rs", ""));
        assertEquals(Edition.E2021, crate.edition());
        assertEquals("0.9.0", crate.version());
    }

    @Test
    void aMemberInheritsFromTheNearestWorkspaceOrTheOneItNames() throws IOException {
        write("Cargo.toml", "[workspace]\n[workspace.package]\nedition = \"2024\"\n");
        write("crates/a/Cargo.toml", "[package]\nname = \"a\"\nedition.workspace = true\n");
        write("other/Cargo.toml", "[workspace]\n[workspace.package]\nedition = \"2018\"\n");
        write("other/inner/b/Cargo.toml",
                "[package]\nname = \"b\"\nworkspace = \"../..\"\nedition = { workspace = true }\n");
        write("other/inner/c/Cargo.toml", "[package]\nname = \"c\"\n");
        CargoManifests manifests = new CargoManifests();

        assertEquals(Edition.E2024, manifests.crateOf(write("crates/a/src/lib.rs", "")).edition());
        assertEquals(Edition.E2018, manifests.crateOf(write("other/inner/b/src/lib.rs", "")).edition());
        assertEquals(Edition.E2015, manifests.crateOf(write("other/inner/c/src/lib.rs", "")).edition(),
                "no edition key: Cargo's default");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
