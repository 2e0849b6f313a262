package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --baseline: sites survive line shifts; new and edited sites are reported; exit codes follow. */
class BaselineScanTest {
    @TempDir
    Path temp;

    @Test
    void aFileThatIsNoBaselineSaysSoInPlainWords() throws Exception {
        Files.createDirectories(temp.resolve("src"));
        Files.writeString(temp.resolve("src/lib.rs"), "pub fn f() {}\n");
        String how = " (write one with `unsafe-hints scan -f json -o FILE` or `-f sarif`)";
        Path comment = temp.resolve("comment.json");
        Files.writeString(comment, "// not JSON\n{}\n");
        Path binary = temp.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Path empty = temp.resolve("empty.json");
        Files.writeString(empty, "");
        Path review = temp.resolve("review.json");
        Files.writeString(review, "{\"schema\": \"unsafe-hints-review\", \"schemaVersion\": 1, \"sites\": []}");
        Path other = temp.resolve("other.json");
        Files.writeString(other, "{\"name\": \"x\"}");
        java.util.Map<Path, String> expected = new java.util.LinkedHashMap<>();
        expected.put(comment, "baseline " + comment + " is not a JSON or SARIF report of unsafe-hints: it is not JSON"
                + " at line 1, column 1" + how);
        expected.put(binary, "baseline " + binary + " is not a JSON or SARIF report of unsafe-hints: it is not UTF-8 text"
                + how);
        expected.put(empty, "baseline " + empty + " is not a JSON or SARIF report of unsafe-hints: it is empty" + how);
        expected.put(review, "baseline " + review + " is a review report (`unsafe-hints review`), not a scan report" + how);
        expected.put(other, "baseline " + other + " is not a JSON or SARIF report of unsafe-hints" + how);
        for (java.util.Map.Entry<Path, String> e : expected.entrySet()) {
            ScanFixture.Run run = ScanFixture.scan("--baseline", e.getKey().toString(), temp.toString());
            assertEquals(2, run.exitCode(), run.err());
            assertEquals("unsafe-hints scan: " + e.getValue() + "\n", run.err().replace("\r\n", "\n"));
        }
    }

    @Test
    void onlyNewOrChangedSitesAreReported() throws Exception {
        ScanFixture fixture = new ScanFixture(temp);
        String root = fixture.root.toString();
        Path jsonBaseline = temp.resolve("baseline.json");
        Path sarifBaseline = temp.resolve("baseline.sarif");
        assertEquals(0, ScanFixture.scan("--format", "json", "-o", jsonBaseline.toString(), root).exitCode());
        assertEquals(0, ScanFixture.scan("--format", "sarif", "-o", sarifBaseline.toString(), root).exitCode());

        // Unchanged code: nothing new, with either kind of baseline.
        for (Path baseline : List.of(jsonBaseline, sarifBaseline)) {
            JsonNode again = json(ScanFixture.scan("--format", "json", "--baseline", baseline.toString(), root));
            assertEquals(0, again.path("scan").path("baseline").path("newSites").asInt());
            assertEquals(0, again.path("totals").path("reportedSites").asInt());
        }

        // Shift every line of lib.rs down and add a new unsafe block at the end of raw.rs.
        Path lib = fixture.root.resolve("src/lib.rs");
        Files.writeString(lib, "// a new header comment\n\n\n" + Files.readString(lib));
        Path raw = fixture.root.resolve("src/raw.rs");
        Files.writeString(raw, Files.readString(raw) + "\npub fn added(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");

        ScanFixture.Run run = ScanFixture.scan("--format", "json", "--fail-on", "none", "--max-new", "2",
                "--baseline", jsonBaseline.toString(), root);
        JsonNode after = json(run);
        List<String> reported = new ArrayList<>();
        after.path("files").forEach(f -> f.path("sites").forEach(s -> reported.add(
                f.path("path").asText() + ":" + s.path("region").path("startLine").asInt() + " " + s.path("ruleId").asText())));
        assertEquals(List.of("src/raw.rs:26 missing-safety-comment", "src/raw.rs:26 unsafe-block",
                "src/raw.rs:26 raw-pointer-deref"), reported);
        assertEquals(3, after.path("scan").path("baseline").path("newSites").asInt());
        assertEquals(0, after.path("scan").path("baseline").path("fixedSites").asInt());
        assertEquals(1, run.exitCode(), "3 new findings is more than --max-new 2");
        assertEquals(0, ScanFixture.scan("--format", "json", "--fail-on", "none", "--max-new", "3",
                "--baseline", sarifBaseline.toString(), root).exitCode());

        // Editing a site makes it "changed": the old one is gone, the new text is reported.
        Files.writeString(lib, Files.readString(lib).replace("unsafe { *p }", "unsafe { p.read() }"));
        JsonNode edited = json(ScanFixture.scan("--format", "json", "--baseline", jsonBaseline.toString(), root));
        assertTrue(edited.path("scan").path("baseline").path("fixedSites").asInt() >= 1);
        String text = ScanFixture.scan("--color", "never", "--baseline", jsonBaseline.toString(), root).out();
        assertTrue(text.contains("Baseline " + jsonBaseline + ": "), text);
        assertTrue(text.contains("src/lib.rs:18:5  unsafe-block"), text);
    }

    private static JsonNode json(ScanFixture.Run run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }
}
