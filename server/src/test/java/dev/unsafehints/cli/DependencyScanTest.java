package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * {@code scan --deps}: a workspace crate without unsafe code whose path dependencies hold some, one
 * of them reached twice (directly and through another dependency), one site cfg'd out by a feature
 * the graph leaves off. Needs cargo on PATH for the graph (CI has it).
 */
class DependencyScanTest {
    @TempDir
    Path dir;
    Path app;

    @BeforeEach
    void makeCrates() throws Exception {
        assumeTrue(onPath("cargo"), "cargo is not installed; test skipped");
        write("leaf/Cargo.toml", "[package]\nname = \"leaf\"\nversion = \"0.2.0\"\nedition = \"2021\"\n"
                + "[features]\nfast = []\n");
        write("leaf/src/lib.rs", """
                pub mod raw;

                /// # Safety
                /// `p` must be valid for reads.
                pub unsafe fn read(p: *const u8) -> u8 {
                    unsafe { *p }
                }

                #[cfg(feature = "fast")]
                pub fn fast(p: *const u8) -> u8 {
                    unsafe { *p }
                }

                #[cfg(test)]
                mod tests {
                    #[test]
                    fn reads() {
                        let x = 1u8;
                        assert_eq!(unsafe { super::read(&x) }, 1);
                    }
                }
                """);
        write("leaf/src/raw.rs", """
                extern "C" {
                    pub fn leaf_close(fd: i32) -> i32;
                }
                """);
        write("mid/Cargo.toml", "[package]\nname = \"mid\"\nversion = \"1.0.0\"\nedition = \"2021\"\n"
                + "[dependencies]\nleaf = { path = \"../leaf\" }\n");
        write("mid/src/lib.rs", """
                pub fn close(fd: i32) -> i32 {
                    unsafe { leaf::raw::leaf_close(fd) }
                }
                """);
        write("app/Cargo.toml", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
                + "[dependencies]\nmid = { path = \"../mid\" }\nleaf = { path = \"../leaf\" }\n"
                + "[dev-dependencies]\ntestonly = { path = \"../testonly\" }\n");
        write("app/src/lib.rs", "pub fn twice(x: u8) -> u8 {\n    x * 2\n}\n");
        write("testonly/Cargo.toml", "[package]\nname = \"testonly\"\nversion = \"0.1.0\"\n");
        write("testonly/src/lib.rs", "pub fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
        app = dir.resolve("app");
    }

    @Test
    void everyPackageOfTheGraphHasARowWithItsSourceAndCounts() throws Exception {
        ScanFixture.Run run = scan("--deps", "--format", "json", app.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> crates = new ArrayList<>();
        for (JsonNode c : json.path("crates")) {
            crates.add(c.path("name").asText() + " " + c.path("version").asText() + " " + c.path("source").asText()
                    + " blocks=" + c.path("counts").path("unsafe-block").asInt()
                    + " notCompiled=" + c.path("notCompiledCounts").path("unsafe-block").asInt()
                    + " tests=" + c.path("testOnlyCounts").path("unsafe-block").asInt());
        }
        assertEquals(List.of("app 0.1.0 workspace blocks=0 notCompiled=0 tests=0",
                "leaf 0.2.0 path blocks=2 notCompiled=1 tests=1",
                "mid 1.0.0 path blocks=1 notCompiled=0 tests=0",
                // a dev-dependency: what it has counts as test-only code
                "testonly 0.1.0 path blocks=0 notCompiled=0 tests=1"), crates, run.err());
        assertTrue(json.path("scan").path("dependencies").asBoolean());
        assertEquals(Path.of(dir.resolve("leaf").toString()).toRealPath().toString(),
                Path.of(json.path("crates").get(1).path("root").asText()).toRealPath().toString());
    }

    @Test
    void dependencySitesArePathsRelativeToTheirPackageNamedByTheirRow() throws Exception {
        ScanFixture.Run run = scan("--deps", "--format", "json", app.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> files = new ArrayList<>();
        for (JsonNode f : json.path("dependencyFiles")) {
            files.add(f.path("crate").asText() + ":" + f.path("path").asText());
        }
        assertEquals(List.of("leaf@0.2.0:src/lib.rs", "leaf@0.2.0:src/raw.rs", "mid@1.0.0:src/lib.rs",
                "testonly@0.1.0:src/lib.rs"), files);
        for (JsonNode site : json.path("dependencyFiles").get(3).path("sites")) {
            assertTrue(site.path("testOnly").asBoolean(), "a dev-dependency's sites are test-only: " + site);
        }
        JsonNode call = null;
        for (JsonNode site : json.path("dependencyFiles").get(2).path("sites")) {
            if (site.path("ruleId").asText().equals("unsafe-call")) {
                call = site;
            }
        }
        assertTrue(call != null && call.path("message").asText().contains("declared `unsafe` in the dependency `leaf` 0.2.0"),
                String.valueOf(call));
        assertEquals(0, json.path("files").get(0).path("sites").size(), "the workspace has no unsafe code");
        assertEquals(0, json.path("totals").path("counts").path("unsafe-block").asInt(),
                "totals are the workspace's own");
    }

    @Test
    void theExitCodeAndSarifAreTheWorkspacesOwn() throws Exception {
        ScanFixture.Run run = scan("--deps", "--format", "sarif", "--fail-on", "hint", app.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertEquals(0, sarif.path("runs").get(0).path("results").size(), "no dependency finding in SARIF");
    }

    @Test
    void theTextReportHasTheTableAndTheTreeButNotTheDependenciesFindings() throws Exception {
        ScanFixture.Run run = scan("--deps", "--color", "never", app.toString());
        String text = run.out();
        assertTrue(text.contains("Unsafe code in the dependencies"), text);
        assertTrue(text.matches("(?s).*\\nleaf +0\\.2\\.0 +path +none +1/1 +1/0 +0/0 +0/0 +1/0 +1/1 +0% \\(0/2\\)\\n.*"), text);
        assertTrue(text.contains("""
                app 0.1.0  ·  no unsafe code
                ├── leaf 0.2.0 (path)  ·  4 unsafe, 2 ops
                └── mid 1.0.0 (path)  ·  1 unsafe, 1 op
                    └── leaf 0.2.0 (path)  ·  4 unsafe, 2 ops
                """), text);
        assertFalse(text.contains("src/raw.rs"), "the dependencies' findings are not listed in text");
        assertTrue(text.matches("(?s).*\\ntestonly +0\\.1\\.0 +path +none +0/0 +0/0 +0/0 +0/0 +0/0 +0/0 +-\\n.*"),
                "a dev-dependency's row: its code is test-only, left out of the counts: " + text);
        assertFalse(text.contains("── testonly"), "the tree is the normal build's");
    }

    @Test
    void markdownFoldsTheTableAndHtmlListsTheSitesPerPackage() throws Exception {
        String md = scan("--deps", "--format", "markdown", app.toString()).out();
        assertTrue(md.contains("<details><summary>Unsafe code in the dependencies: 3 packages, 2 with unsafe code"), md);
        assertTrue(md.contains("| leaf | 0.2.0 | path | none | 1/1 |"), md);
        String html = scan("--deps", "--format", "html", app.toString()).out();
        assertTrue(html.contains("<section id=\"dependencies\">"), html);
        assertTrue(html.contains("<span class=\"where dependency\"><code>src/raw.rs:1:1</code></span>"), html);
    }

    @Test
    void theHtmlReportShowsAtMostTwoHundredPlacesOfADependency() throws Exception {
        StringBuilder many = new StringBuilder("pub mod raw;\n");
        for (int i = 0; i < 250; i++) {
            many.append("/// # Safety\n/// Never.\npub unsafe fn f").append(i).append("() {}\n");
        }
        write("leaf/src/lib.rs", many.toString());
        String html = scan("--deps", "--format", "html", app.toString()).out();
        String leaf = html.substring(html.indexOf("<details class=\"file dependency\"")); // leaf comes first
        leaf = leaf.substring(0, leaf.indexOf("</details>"));
        int leafCards = leaf.split("<span class=\"where dependency\"><code>src/lib.rs:", -1).length - 1;
        assertEquals(200, leafCards);
        assertTrue(leaf.matches("(?s).*<p class=\"hint\">[0-9]+ more places of this package are left out.*"), leaf);
        JsonNode json = new ObjectMapper().readTree(scan("--deps", "--format", "json", app.toString()).out());
        int listed = 0;
        for (JsonNode f : json.path("dependencyFiles")) {
            listed += f.path("path").asText().equals("src/lib.rs") ? f.path("sites").size() : 0;
        }
        assertTrue(listed >= 250, "the JSON keeps every place: " + listed);
    }

    @Test
    void aSecondScanReadsTheDependenciesResultsFromTheCacheAndReportsTheSame() throws Exception {
        Path cache = dir.resolve("cache");
        ScanFixture.Run first = scan("--deps", "--cache-dir", cache.toString(), "--format", "json", app.toString());
        try (var entries = Files.list(cache.resolve("reports"))) {
            assertEquals(3, entries.filter(p -> p.toString().endsWith(".json.gz")).count(), "one entry per package");
        }
        ScanFixture.Run second = scan("--deps", "--cache-dir", cache.toString(), "--timings", "--format", "json",
                app.toString());
        assertTrue(second.err().contains("(3 packages, 3 from the cache)"), second.err());
        assertEquals(first.out(), second.out());
        // a corrupt entry is a miss: analysed again, the same report
        try (var entries = Files.list(cache.resolve("reports"))) {
            for (Path p : entries.toList()) {
                Files.write(p, new byte[] {31, -117, 8, 0, 1, 2});
            }
        }
        ScanFixture.Run third = scan("--deps", "--cache-dir", cache.toString(), "--timings", "--format", "json",
                app.toString());
        assertTrue(third.err().contains("(3 packages, 0 from the cache)"), third.err());
        assertEquals(first.out(), third.out());
        // an edited dependency is analysed again
        Files.writeString(dir.resolve("mid/src/lib.rs"), "pub fn close(fd: i32) -> i32 {\n    fd\n}\n");
        ScanFixture.Run edited = scan("--deps", "--cache-dir", cache.toString(), "--timings", "--format", "json",
                app.toString());
        assertTrue(edited.err().contains("(3 packages, 2 from the cache)"), edited.err());
    }

    @Test
    void withoutCargoTheLockFileGivesTheSameGraph() throws Exception {
        Files.writeString(app.resolve("Cargo.lock"), """
                version = 3

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = ["leaf", "mid", "testonly"]

                [[package]]
                name = "leaf"
                version = "0.2.0"

                [[package]]
                name = "mid"
                version = "1.0.0"
                dependencies = ["leaf"]

                [[package]]
                name = "testonly"
                version = "0.1.0"
                """);
        JsonNode json = new ObjectMapper().readTree(scan("--deps", "--no-cargo", "--format", "json", app.toString()).out());
        List<String> crates = new ArrayList<>();
        for (JsonNode c : json.path("crates")) {
            crates.add(c.path("name").asText() + " " + c.path("source").asText() + " blocks="
                    + c.path("counts").path("unsafe-block").asInt());
        }
        assertEquals(List.of("app workspace blocks=0", "leaf path blocks=2", "mid path blocks=1", "testonly path blocks=0"),
                crates, "the dev-dependency is there, its code counted as test-only");
    }

    @Test
    void withoutDepsNothingOfTheDependenciesIsReported() throws Exception {
        JsonNode json = new ObjectMapper().readTree(scan("--format", "json", app.toString()).out());
        assertEquals(1, json.path("crates").size());
        assertFalse(json.has("dependencyFiles"));
        assertFalse(json.path("scan").path("dependencies").asBoolean());
    }

    private void write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static ScanFixture.Run scan(String... args) {
        return ScanFixture.scanWithRealRules(args);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
