package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git dependency in Cargo.lock whose commit cargo never checked out here (the test's CARGO_HOME
 * has no such checkout): the graph says so in one line, with the URL, and keeps the rest.
 */
class CargoLockGitTest {
    @TempDir
    Path dir;

    @Test
    void aGitDependencyThatIsNotCheckedOutIsNamedAndTheRestResolves() throws Exception {
        Files.createDirectories(dir.resolve("app/src"));
        Files.createDirectories(dir.resolve("local/src"));
        Files.writeString(dir.resolve("local/Cargo.toml"), "[package]\nname = \"local\"\nversion = \"0.1.0\"\n");
        Files.writeString(dir.resolve("app/Cargo.toml"), "[package]\nname = \"app\"\nversion = \"0.1.0\"\n"
                + "[dependencies]\nlocal = { path = \"../local\" }\n"
                + "remote = { git = \"https://example.invalid/unsafe-hints-test/remote-never-fetched\" }\n");
        Files.writeString(dir.resolve("app/Cargo.lock"), """
                version = 3

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = ["local", "remote"]

                [[package]]
                name = "local"
                version = "0.1.0"

                [[package]]
                name = "remote"
                version = "0.3.0"
                source = "git+https://example.invalid/unsafe-hints-test/remote-never-fetched#0123456789abcdef0123456789abcdef01234567"
                """);
        CrateGraph graph = CargoLock.discover(dir.resolve("app"));
        assertEquals(1, graph.problems().size(), graph.problems().toString());
        String problem = graph.problems().get(0);
        assertTrue(problem.startsWith("remote 0.3.0: git checkout of https://example.invalid/unsafe-hints-test/"
                + "remote-never-fetched#0123456789abcdef0123456789abcdef01234567 not found under "), problem);
        assertTrue(problem.endsWith("/git/checkouts (run `cargo fetch` once); calls into it are not resolved"), problem);
        assertTrue(graph.packages().stream().anyMatch(p -> p.name().equals("local")), "the path dependency resolves");
    }
}
