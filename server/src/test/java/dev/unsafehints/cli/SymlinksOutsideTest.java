package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 19: a symbolic link in the scanned tree that leads outside the scanned folders (a
 * file named like Rust source, or a folder) is not followed unless asked, so an untrusted checkout
 * cannot pull another file of the machine into a report; it is listed as skipped with the reason.
 * Links that stay inside are followed as before.
 */
class SymlinksOutsideTest {
    @TempDir
    Path dir;

    @Test
    void linksLeavingTheScannedFoldersAreSkippedUnlessAsked() throws Exception {
        Path crate = dir.resolve("crate");
        Files.createDirectories(crate.resolve("src/inner"));
        Files.createDirectories(dir.resolve("outside"));
        Files.writeString(dir.resolve("outside/secret.rs"), "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        Files.writeString(crate.resolve("src/lib.rs"), "mod inner;\n");
        Files.writeString(crate.resolve("src/inner/mod.rs"), "pub fn g(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        Files.createSymbolicLink(crate.resolve("src/x.rs"), Path.of("../../outside/secret.rs"));
        Files.createSymbolicLink(crate.resolve("src/ext"), Path.of("../../outside"));
        Files.createSymbolicLink(crate.resolve("src/same"), Path.of("inner")); // inside: followed, scanned once

        JsonNode json = scan("--format", "json", "--fail-on", "none", crate.toString());
        assertEquals(List.of("src/inner/mod.rs", "src/lib.rs"), paths(json.path("files")));
        List<String> skipped = new ArrayList<>();
        for (JsonNode s : json.path("skippedFiles")) {
            skipped.add(s.path("path").asText() + " " + s.path("reason").asText());
            assertTrue(s.path("message").asText().contains("--follow-links"), s.toString());
        }
        assertEquals(List.of("src/ext link-outside", "src/x.rs link-outside"), skipped);
        assertFalse(json.toString().contains("fn f("), "nothing of the outside file is quoted");

        JsonNode followed = scan("--format", "json", "--fail-on", "none", "--follow-links", crate.toString());
        assertEquals(List.of("src/ext/secret.rs", "src/inner/mod.rs", "src/lib.rs"), paths(followed.path("files")));
        assertEquals(0, followed.path("skippedFiles").size());
    }

    private static JsonNode scan(String... args) throws Exception {
        ScanFixture.Run run = ScanFixture.scanWithRealRules(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> paths(JsonNode files) {
        List<String> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.path("path").asText()));
        return paths;
    }
}
