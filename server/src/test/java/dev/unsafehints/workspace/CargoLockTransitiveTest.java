package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without cargo, the graph goes down from the direct dependencies as Cargo.lock resolved it: each
 * package's normal dependencies that its lock entry lists, found in a directory source (as
 * `cargo vendor` leaves them); not its build dependencies, not an optional one nothing enabled,
 * not one of a target table for another system.
 */
class CargoLockTransitiveTest {
    @TempDir
    Path dir;

    @Test
    void theLockFileGraphReachesTheDependenciesOfTheDependencies() throws Exception {
        write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\n[dependencies]\nmid = \"1\"\n");
        write("app/src/lib.rs", "");
        write("app/.cargo/config.toml", "[source.crates-io]\nreplace-with = \"v\"\n[source.v]\ndirectory = \"vendor\"\n");
        write("app/vendor/mid-1.0.0/Cargo.toml", """
                [package]
                name = "mid"
                version = "1.0.0"
                [dependencies]
                leaf-core = { version = "0.2", package = "leaf" }
                opt = { version = "1", optional = true }
                [target.'cfg(windows)'.dependencies]
                winonly = "1"
                [build-dependencies]
                bld = "1"
                """);
        write("app/vendor/mid-1.0.0/src/lib.rs", "");
        write("app/vendor/leaf-0.2.0/Cargo.toml", "[package]\nname = \"leaf\"\nversion = \"0.2.0\"\n");
        write("app/vendor/leaf-0.2.0/src/lib.rs", "");
        write("app/vendor/winonly-1.0.0/Cargo.toml", "[package]\nname = \"winonly\"\nversion = \"1.0.0\"\n");
        write("app/vendor/bld-1.0.0/Cargo.toml", "[package]\nname = \"bld\"\nversion = \"1.0.0\"\n");
        String registry = "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
        write("app/Cargo.lock", "version = 3\n\n"
                + "[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"mid\"]\n\n"
                + "[[package]]\nname = \"bld\"\nversion = \"1.0.0\"\n" + registry + "\n"
                + "[[package]]\nname = \"leaf\"\nversion = \"0.2.0\"\n" + registry + "\n"
                + "[[package]]\nname = \"mid\"\nversion = \"1.0.0\"\n" + registry
                + "dependencies = [\"bld\", \"leaf\", \"winonly\"]\n\n"
                + "[[package]]\nname = \"winonly\"\nversion = \"1.0.0\"\n" + registry);

        CrateGraph graph = CargoLock.discover(dir.resolve("app"));

        assertEquals(List.of(), graph.problems());
        List<String> reachable = graph.reachableDependencies().stream().map(p -> p.name() + " " + p.version()
                + " " + p.source()).sorted().toList();
        boolean rustc = CfgEnvironment.host().known();
        assertEquals(rustc ? List.of("leaf 0.2.0 registry", "mid 1.0.0 registry")
                        : List.of("leaf 0.2.0 registry", "mid 1.0.0 registry", "winonly 1.0.0 registry"),
                reachable, "without rustc a target table cannot be judged and counts");
        Path mid = dir.resolve("app/vendor/mid-1.0.0").toAbsolutePath().normalize();
        Map<String, Path> names = graph.dependencies().get(mid);
        assertTrue(names.containsKey("leaf_core"), "the rename is the name mid's code uses: " + names);
        assertTrue(!names.containsKey("bld"), "a build dependency is no part of the library's graph");
    }

    private void write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
