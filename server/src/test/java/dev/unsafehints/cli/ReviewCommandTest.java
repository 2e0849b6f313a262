package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.review.GitFixture;
import dev.unsafehints.review.ReviewMarkdownWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code unsafe-hints review} end to end: formats, the ledger through the command line, exit codes. */
class ReviewCommandTest {
    private static final String BASE = String.join("\n",
            "pub fn checked_first(v: &[u8]) -> Option<u8> {",
            "    v.first().copied()",
            "}",
            "");
    private static final String CHANGED = String.join("\n",
            "pub fn checked_first(v: &[u8]) -> Option<u8> {",
            "    if v.is_empty() {",
            "        return None;",
            "    }",
            "    // SAFETY: the slice is not empty, so index 0 is in bounds.",
            "    Some(unsafe { *v.get_unchecked(0) })",
            "}",
            "",
            "pub fn peek(p: *const u8) -> u8 {",
            "    unsafe { *p }",
            "}",
            "");

    @TempDir
    Path dir;
    GitFixture repo;
    String out;
    String err;

    @BeforeEach
    void repository() throws Exception {
        repo = GitFixture.init(dir);
        repo.write("src/lib.rs", BASE).commit("base");
        repo.write("src/lib.rs", CHANGED);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cmd = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new PrintWriter(o, true));
        cmd.setErr(new PrintWriter(e, true));
        int code = cmd.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private String root() {
        return repo.root.toString();
    }

    @Test
    void aConfigFileThatIsNotConfigurationStopsTheReviewAndAMisspellingIsReported() throws Exception {
        Files.writeString(repo.root.resolve("unsafe-hints.toml"), "[rules]\nmissing-safety-comment = \"eror\"\n");
        assertEquals(2, run("review", root()), out);
        assertTrue(err.contains("unsafe-hints.toml:2:1: rules.missing-safety-comment: unknown level 'eror'"
                + " (expected error, warning, note, hint or off)"), err);
        Files.writeString(repo.root.resolve("unsafe-hints.toml"), "[rules]\nmissing-safety-coment = \"error\"\n");
        assertEquals(0, run("review", root(), "--color", "never"), err);
        assertTrue(err.contains("unsafe-hints.toml:2:1: warning: unknown rule `missing-safety-coment`, ignored;"
                + " did you mean `missing-safety-comment`?"), err);
    }

    @Test
    void aLedgerThatIsNotTomlSaysWhereInPlainWords() throws Exception {
        Files.writeString(repo.root.resolve("unsafe-review.toml"), "version = 1\n[[approval]\n");
        assertEquals(2, run("review", root()), out);
        assertTrue(err.contains("unsafe-review.toml:2:12: not valid TOML: found `]` where `]]` belongs"), err);
        assertFalse(err.contains("Source:"), "no parser internals: " + err);
        assertFalse(err.contains("[Source") || err.contains("_CLOSE"), "no parser internals: " + err);
    }

    @Test
    void textReportApprovalsAndTheFailFlag() {
        assertEquals(0, run("review", root(), "--color", "never"), err);
        assertTrue(out.contains("src/lib.rs:checked_first:unsafe-block#1"), out);
        assertTrue(out.contains("src/lib.rs:peek:unsafe-block#1"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  src/lib\\.rs:\\d+:\\d+  unsafe-block  .*")),
                "each site's place as path:line:col, not line:col under the file: " + out);
        assertTrue(out.contains("2 unreviewed, 0 stale, 0 reviewed"), out);
        assertFalse(out.contains("\u001b["), "no colours when asked for none");

        assertEquals(1, run("review", root(), "--fail-on-unreviewed"));
        assertEquals(0, run("review", root(), "--approve", "src/lib.rs:checked_first:unsafe-block#1",
                "--approve", "src/lib.rs:peek:unsafe-block#1", "--by", "Ana", "--note", "bounds checked above"), err);
        assertTrue(out.contains("approved src/lib.rs:peek:unsafe-block#1"), out);
        assertTrue(Files.exists(repo.root.resolve("unsafe-review.toml")));
        assertEquals(0, run("review", root(), "--fail-on-unreviewed"), out);
        assertTrue(out.contains("0 unreviewed, 0 stale, 2 reviewed"), out);
    }

    @Test
    void usageErrorsExitTwoAndIoErrorsThree() throws Exception {
        assertEquals(2, run("review", root(), "--since", "no-such-rev"));
        assertTrue(err.contains("unknown revision"), err);
        assertEquals(2, run("review", root(), "--by", "Ana"));
        assertEquals(2, run("review", root(), "--format", "yaml"));
        assertEquals(2, run("review", root(), "--approve", "deadbeef", "--by", "Ana", "--note", "n"));
        Path plain = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-not-a-repo"));
        assertEquals(2, run("review", plain.toString()));
        assertTrue(err.contains("not inside a git repository"), err);
        Path folder = Files.createDirectories(repo.root.resolve("a-folder"));
        assertEquals(3, run("review", root(), "--ledger", folder.toString()));
    }

    @Test
    void sarifHoldsOnlyTheChangedSitesWithRepositoryRelativeUris() throws Exception {
        repo.write("src/lib.rs", CHANGED + "\npub static mut UNTOUCHED_IN_BASE: u8 = 0;\n");
        repo.commit("more");
        repo.replace("src/lib.rs", "unsafe { *p }", "unsafe { *p.add(1) }");
        assertEquals(0, run("review", root(), "--since", "HEAD", "--format", "sarif"), err);
        JsonNode sarif = new ObjectMapper().readTree(out);
        assertEquals("2.1.0", sarif.path("version").asText());
        JsonNode run = sarif.path("runs").get(0);
        assertEquals("utf16CodeUnits", run.path("columnKind").asText());
        JsonNode results = run.path("results");
        assertEquals(1, results.size(), out);
        JsonNode r = results.get(0);
        assertEquals("unsafe-block", r.path("ruleId").asText());
        assertEquals("warning", r.path("level").asText());
        JsonNode location = r.path("locations").get(0).path("physicalLocation");
        assertEquals("src/lib.rs", location.path("artifactLocation").path("uri").asText());
        assertEquals("%SRCROOT%", location.path("artifactLocation").path("uriBaseId").asText());
        assertEquals(10, location.path("region").path("startLine").asInt());
        assertEquals(5, location.path("region").path("startColumn").asInt());
        assertEquals("unsafe-block", run.path("tool").path("driver").path("rules").get(0).path("id").asText());
        assertTrue(r.path("message").path("text").asText().contains("[ ] The result stays inside the same allocation"),
                r.path("message").path("text").asText());
    }

    @Test
    void reviewedSitesAreSuppressedInSarifAndJsonIsVersioned() throws Exception {
        assertEquals(0, run("review", root(), "--approve", "src/lib.rs:peek:unsafe-block#1", "--by", "Bo", "--note",
                "callers pass a valid pointer"));
        assertEquals(0, run("review", root(), "--format", "sarif"));
        JsonNode results = new ObjectMapper().readTree(out).path("runs").get(0).path("results");
        assertEquals(2, results.size());
        JsonNode peek = results.get(1);
        assertEquals("note", peek.path("level").asText());
        assertEquals("accepted", peek.path("suppressions").get(0).path("status").asText());

        Path file = repo.root.resolve("review.json");
        assertEquals(0, run("review", root(), "-f", "json", "-o", file.toString()), "-f as in scan: " + err);
        assertEquals("", out, "with -o nothing goes to standard output");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("unsafe-hints-review", json.path("schema").asText());
        assertEquals(1, json.path("schemaVersion").asInt(), "versioned as the scan's JSON is");
        assertEquals(1, json.path("version").asInt(), "the first releases' name, still written");
        assertEquals(2, json.path("summary").path("sites").asInt());
        assertEquals(1, json.path("summary").path("reviewed").asInt());
        assertEquals("src/lib.rs:checked_first:unsafe-block#1", json.path("sites").get(0).path("id").asText());
        assertEquals(6, json.path("sites").get(0).path("region").path("startLine").asInt());
    }

    @Test
    void markdownHasASectionPerFileAndStaysUnderTheCommentLimit() throws Exception {
        assertEquals(0, run("review", root(), "--format", "markdown"));
        assertTrue(out.startsWith("## Unsafe Hints review"), out);
        assertTrue(out.contains("<details open><summary><code>src/lib.rs</code> — 2 sites, 2 to review</summary>"), out);
        assertTrue(out.contains("- [ ] "), "obligations are a task list");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add("pub fn read" + i + "(p: *const u64) -> u64 {\n    unsafe { *p.add(" + i + ") }\n}\n");
        }
        repo.write("src/many.rs", String.join("\n", many));
        repo.write("src/more.rs", "pub static mut LAST_FILE: u8 = 0;\n");
        assertEquals(0, run("review", root(), "--format", "markdown"));
        assertTrue(out.length() <= ReviewMarkdownWriter.LIMIT, "length " + out.length());
        assertTrue(out.contains("more sites not shown**"), out.substring(out.length() - 400));
    }
}
