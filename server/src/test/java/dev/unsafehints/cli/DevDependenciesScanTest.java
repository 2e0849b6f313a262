package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls into a dev-dependency (resources/dev-deps: `app` has `devsys` only under
 * `[dev-dependencies]`) resolve from the code that can name it: a `cfg(test)` module, a `#[test]`
 * fn, tests/ and examples/; never from the library's normal code. In test code the methods of its
 * types resolve too (`cell.poke_unchecked()` on a `devsys::Cell`, in tests/ and in a `cfg(test)` module). `scan --deps` lists the package
 * with its sites counted as test-only. The fixture builds and its tests pass with cargo.
 */
class DevDependenciesScanTest {
    private static final List<String> CALLS = List.of(
            "examples/demo.rs:4 test-only=true devsys::poke", "src/lib.rs:21 test-only=true devsys::poke",
            "src/lib.rs:30 test-only=true Cell::poke_unchecked", "src/lib.rs:39 test-only=true devsys::poke",
            "tests/it.rs:14 test-only=true Cell::poke_unchecked",
            "tests/it.rs:5 test-only=true devsys::poke");

    @TempDir
    Path dir;
    Path app;

    @BeforeEach
    void copyFixture() throws Exception {
        ScanFixture.copy(Path.of("src/test/resources/dev-deps"), dir);
        app = dir.resolve("app");
    }

    @Test
    void testCodeResolvesIntoDevDependenciesThroughCargoMetadata() throws Exception {
        assumeTrue(CrateGraphScanTest.onPath("cargo"), "cargo is not installed; test skipped");
        String lock = Files.readString(app.resolve("Cargo.lock"));
        JsonNode json = scan("--deps", app.toString());
        assertEquals(CALLS, unsafeCalls(json));
        assertDevsysIsTestOnly(json);
        assertEquals(lock, Files.readString(app.resolve("Cargo.lock")), "the tree is left as it was");
    }

    @Test
    void testCodeResolvesIntoDevDependenciesThroughCargoLock() throws Exception {
        JsonNode json = scan("--deps", "--no-cargo", app.toString());
        assertEquals(CALLS, unsafeCalls(json));
        assertDevsysIsTestOnly(json);
    }

    @Test
    void theLibrarysNormalCodeNeverResolvesIntoADevDependency() throws Exception {
        // compiles under `cargo test` (the unit tests get the dev-dependencies), not under `cargo build`
        Files.writeString(app.resolve("src/lib.rs"), """

                pub fn not_test_code(p: *mut u8) {
                    unsafe { devsys::poke(p) }
                }

                pub fn not_test_code_either() {
                    let mut cell = devsys::Cell::new();
                    unsafe { cell.poke_unchecked() };
                }
                """, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(CALLS, unsafeCalls(scan("--no-cargo", app.toString())));
    }

    private static void assertDevsysIsTestOnly(JsonNode json) {
        JsonNode devsys = null;
        for (JsonNode c : json.path("crates")) {
            if (c.path("name").asText().equals("devsys")) {
                devsys = c;
            }
        }
        assertTrue(devsys != null, json.path("crates").toString());
        assertEquals("0.4.0 path", devsys.path("version").asText() + " " + devsys.path("source").asText());
        assertEquals(0, devsys.path("counts").size(), "nothing of it is in a normal build: " + devsys);
        assertEquals(2, devsys.path("testOnlyCounts").path("unsafe-fn").asInt(), devsys.toString());
        assertEquals(1, devsys.path("testOnlyCounts").path("unsafe-block").asInt(), devsys.toString());
    }

    private static List<String> unsafeCalls(JsonNode json) {
        List<String> calls = new ArrayList<>();
        for (JsonNode file : json.path("files")) {
            for (JsonNode site : file.path("sites")) {
                if (site.path("ruleId").asText().equals("unsafe-call")) {
                    String message = site.path("message").asText();
                    String callee = message.endsWith(
                            "`devsys::poke` is declared `unsafe` in the dependency `devsys` 0.4.0") ? "devsys::poke"
                            : message.endsWith("`Cell::poke_unchecked` is declared `unsafe` (`cell` is a `Cell`)")
                            ? "Cell::poke_unchecked" : message;
                    calls.add(file.path("path").asText() + ":" + site.path("region").path("startLine").asInt()
                            + " test-only=" + site.path("testOnly").asBoolean() + " " + callee);
                }
            }
        }
        calls.sort(null);
        return calls;
    }

    private static JsonNode scan(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        ScanFixture.Run run = ScanFixture.scanWithRealRules(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }
}
