package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan command end to end on the demo fixture, in every format. */
class ScanCommandTest {
    @TempDir
    static Path temp;
    static ScanFixture fixture;
    static JsonNode json;
    static JsonNode sarif;

    @BeforeAll
    static void scanOnce() throws IOException {
        fixture = new ScanFixture(temp);
        ScanFixture.Run run = ScanFixture.scan("--format", "json", "--max-file-size", ScanFixture.SIZE_LIMIT,
                fixture.root.toString());
        assertEquals(0, run.exitCode(), run.err());
        json = new ObjectMapper().readTree(run.out());
        ScanFixture.Run sarifRun = ScanFixture.scan("--format", "sarif", "--max-file-size", ScanFixture.SIZE_LIMIT,
                "-o", temp.resolve("demo.sarif").toString(), fixture.root.toString());
        assertEquals(0, sarifRun.exitCode(), sarifRun.err());
        sarif = new ObjectMapper().readTree(temp.resolve("demo.sarif").toFile());
    }

    private static List<String> analyzedPaths() {
        List<String> paths = new ArrayList<>();
        json.path("files").forEach(f -> paths.add(f.path("path").asText()));
        return paths;
    }

    @Test
    void walksTheTreeSkippingGitTargetAndIgnoredFiles() {
        List<String> paths = analyzedPaths();
        assertEquals(List.of("generated/keep.generated.rs", "safe/src/lib.rs", "src/broken.rs", "src/ffi/mod.rs",
                "src/lib.rs", "src/raw.rs", "src/tests.rs"), paths);
    }

    @Test
    void listsEveryUnreadableFileWithItsReason() {
        Map<String, String> skipped = new HashMap<>();
        json.path("skippedFiles").forEach(s -> skipped.put(s.path("path").asText(),
                s.path("reason").asText() + ": " + s.path("message").asText()));
        assertEquals("not-utf8: not valid UTF-8 at byte 15", skipped.get("src/latin1.rs"));
        assertEquals("binary: binary file (NUL byte at byte 2)", skipped.get("src/blob.rs"));
        assertTrue(skipped.get("src/huge.rs").startsWith("too-large: larger than --max-file-size"), skipped.toString());
        assertEquals("unreadable: broken symbolic link", skipped.get("src/dangling.rs"));
        assertEquals(4, skipped.size(), skipped.toString());
    }

    @Test
    void groupsFilesByCrateAndReadsTheUnsafeCodePolicy() {
        Map<String, JsonNode> crates = new HashMap<>();
        json.path("crates").forEach(c -> crates.put(c.path("name").asText(), c));
        JsonNode demo = crates.get("demo");
        assertEquals("0.3.1", demo.path("version").asText());
        assertEquals("2021", demo.path("edition").asText());
        assertEquals("deny", demo.path("unsafeCode").path("level").asText());
        assertEquals("not(test)", demo.path("unsafeCode").path("condition").asText());
        assertEquals(6, demo.path("files").asInt());
        JsonNode safe = crates.get("safe-part");
        assertEquals("forbid", safe.path("unsafeCode").path("level").asText());
        assertEquals("", safe.path("unsafeCode").path("condition").asText());
        assertEquals("safe", safe.path("root").asText());
    }

    @Test
    void reportsSitesWithExactPositionsItemPathsAndCfg() {
        JsonNode lib = file("src/lib.rs");
        JsonNode block = site(lib, "unsafe-block", 15);
        assertEquals(5, block.path("region").path("startColumn").asInt());
        assertEquals(18, block.path("region").path("endColumn").asInt());
        assertEquals("first", block.path("itemPath").asText());
        assertEquals("    unsafe { *p }", block.path("snippet").asText());
        JsonNode bump = site(lib, "missing-safety-comment", 22);
        assertEquals("[\"feature = \\\"fast\\\"\"]", bump.path("cfg").toString());
        assertFalse(bump.path("testOnly").asBoolean());
        JsonNode get = site(file("src/raw.rs"), "raw-pointer-deref", 17);
        assertEquals(18, get.path("region").path("startColumn").asInt());
        assertEquals("raw::impl Wrapper::get", get.path("itemPath").asText());
        assertEquals("ffi::absolute", site(file("src/ffi/mod.rs"), "unsafe-block", 6).path("itemPath").asText());
    }

    @Test
    void columnsCountUtf16CodeUnits() throws IOException {
        String line = Files.readAllLines(fixture.root.resolve("src/raw.rs")).get(22);
        int utf16 = line.indexOf("unsafe {");
        JsonNode s = site(file("src/raw.rs"), "unsafe-block", 23);
        assertEquals(utf16 + 1, s.path("region").path("startColumn").asInt());
        assertEquals(line.codePointCount(0, utf16) + 2, s.path("region").path("startColumn").asInt(),
                "the crab before it is one code point but two UTF-16 units");
    }

    @Test
    void testOnlySitesAreMarkedAcrossModuleFiles() {
        JsonNode tests = file("src/tests.rs");
        JsonNode s = site(tests, "unsafe-block", 4);
        assertTrue(s.path("testOnly").asBoolean());
        assertEquals("[\"test\"]", s.path("cfg").toString());
        assertTrue(json.path("totals").path("testOnlyCounts").path("unsafe-block").asInt() >= 1);
    }

    @Test
    void brokenFilesKeepFindingsOutsideTheBrokenItem() {
        JsonNode broken = file("src/broken.rs");
        assertFalse(broken.path("syntaxErrors").isEmpty());
        assertEquals(5, broken.path("syntaxErrors").get(0).path("region").path("startLine").asInt());
        site(broken, "unsafe-block", 2);
        site(broken, "unsafe-block", 10);
        assertEquals(1, json.path("totals").path("partlyParsedFiles").asInt());
    }

    @Test
    void sarifHasRelativeUrisOneBasedRegionsAndNotifications() {
        JsonNode run = sarif.path("runs").get(0);
        assertEquals("2.1.0", sarif.path("version").asText());
        assertEquals("utf16CodeUnits", run.path("columnKind").asText());
        assertTrue(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText().startsWith("file:///"));
        JsonNode first = null;
        for (JsonNode r : run.path("results")) {
            JsonNode loc = r.path("locations").get(0).path("physicalLocation");
            if (loc.path("artifactLocation").path("uri").asText().equals("src/lib.rs")
                    && r.path("ruleId").asText().equals("unsafe-block")) {
                first = r;
                break;
            }
        }
        assertTrue(first != null, "a result for src/lib.rs");
        JsonNode region = first.path("locations").get(0).path("physicalLocation").path("region");
        assertEquals(15, region.path("startLine").asInt());
        assertEquals(5, region.path("startColumn").asInt());
        assertEquals("%SRCROOT%", first.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uriBaseId").asText());
        assertTrue(first.path("partialFingerprints").path("primaryLocationLineHash").asText().matches("[0-9a-f]+:\\d+"));
        assertEquals("note", first.path("level").asText());

        JsonNode invocation = run.path("invocations").get(0);
        assertTrue(invocation.path("executionSuccessful").asBoolean());
        List<String> notes = new ArrayList<>();
        for (JsonNode n : invocation.path("toolExecutionNotifications")) {
            JsonNode loc = n.path("locations").get(0).path("physicalLocation");
            notes.add(n.path("level").asText() + " " + loc.path("artifactLocation").path("uri").asText() + ":"
                    + loc.path("region").path("startLine").asInt(0));
        }
        assertTrue(notes.contains("error src/broken.rs:5"), notes.toString());
        assertTrue(notes.contains("warning src/latin1.rs:0"), notes.toString());
        assertTrue(notes.contains("warning src/dangling.rs:0"), notes.toString());
    }

    @Test
    void textReportShowsTheLineAndCaretsAndTheCrateTable() {
        ScanFixture.Run run = ScanFixture.scan("--color", "never", "--max-file-size", ScanFixture.SIZE_LIMIT,
                fixture.root.toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("src/lib.rs:15:5  unsafe-block  unsafe block  [note]\n"
                + "   |\n"
                + "15 |     unsafe { *p }\n"
                + "   |     ^^^^^^^^^^^^^\n"), out);
        assertTrue(out.contains("Test-only code (cfg(test), #[test], tests/): 3 findings"), out);
        assertTrue(out.contains("src/latin1.rs: not-utf8: not valid UTF-8 at byte 15"), out);
        assertTrue(out.contains("src/broken.rs:5:16  syntax error"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("safe-part 1.0.0") && l.contains("forbid")), out);
        assertFalse(out.contains("\u001b["), "no colour when asked for none");
        ScanFixture.Run colored = ScanFixture.scan("--color", "always", fixture.root.toString());
        assertTrue(colored.out().contains("\u001b[1;33mraw-pointer-deref\u001b[0m"), colored.out());
    }

    @Test
    void tabsAreExpandedUnderTheCaret() {
        ScanFixture.Run run = ScanFixture.scan("--color", "never", fixture.root.resolve("src/raw.rs").toString());
        assertTrue(run.out().contains("raw.rs:17:18  raw-pointer-deref"), run.out());
        assertTrue(run.out().contains("17 |         unsafe { *self.0 }\n   |                  ^^^^^^^\n"), run.out());
    }

    @Test
    void explicitFilesAreScannedEvenWhenIgnored() {
        ScanFixture.Run run = ScanFixture.scan("--format", "json", fixture.root.resolve("ignored/skip.rs").toString());
        assertTrue(run.out().contains("\"path\" : \"skip.rs\""), run.out());
    }

    @Test
    void noIgnoreAndIncludeTargetWidenTheWalk() throws IOException {
        ScanFixture.Run run = ScanFixture.scan("--format", "json", "--no-ignore", "--include-target",
                "--max-file-size", ScanFixture.SIZE_LIMIT, fixture.root.toString());
        JsonNode all = new ObjectMapper().readTree(run.out());
        List<String> paths = new ArrayList<>();
        all.path("files").forEach(f -> paths.add(f.path("path").asText()));
        assertTrue(paths.containsAll(List.of("ignored/skip.rs", "generated/out.generated.rs", "target/debug/build.rs")), paths.toString());
    }

    @Test
    void exitCodesFollowTheThresholds() {
        String root = fixture.root.toString();
        assertEquals(0, ScanFixture.scan("--format", "json", root).exitCode(), "notes and warnings pass --fail-on error");
        assertEquals(1, ScanFixture.scan("--format", "json", "--fail-on", "warning", root).exitCode());
        assertEquals(0, ScanFixture.scan("--format", "json", "--fail-on", "none", root).exitCode());
        assertEquals(1, ScanFixture.scan("--format", "json", "--fail-on", "none", "--max-new", "3", root).exitCode());
        assertEquals(0, ScanFixture.scan("--format", "json", "--fail-on", "none", "--max-new", "1000", root).exitCode());
        assertEquals(2, ScanFixture.scan(root + "/does-not-exist").exitCode());
        assertEquals(2, ScanFixture.scan("--format", "yaml", root).exitCode());
        assertEquals(2, ScanFixture.scan("--baseline", root + "/Cargo.toml", root).exitCode());
        assertEquals(3, ScanFixture.scan("-o", root + "/src", root).exitCode(), "a folder cannot be written to");
    }

    @Test
    void symlinkLoopIsEnteredOnce() {
        long libs = analyzedPaths().stream().filter(p -> p.endsWith("lib.rs")).count();
        assertEquals(2, libs, "src/loop points back at the crate; its files are not scanned twice");
    }

    private static JsonNode file(String path) {
        for (JsonNode f : json.path("files")) {
            if (f.path("path").asText().equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no file " + path + " in " + analyzedPaths());
    }

    private static JsonNode site(JsonNode file, String rule, int line) {
        for (JsonNode s : file.path("sites")) {
            if (s.path("ruleId").asText().equals(rule) && s.path("region").path("startLine").asInt() == line) {
                return s;
            }
        }
        throw new AssertionError("no " + rule + " at line " + line + " in " + file);
    }
}
