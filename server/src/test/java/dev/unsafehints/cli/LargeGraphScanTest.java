package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph of 1,000 packages (issue 18, bad input), read from `Cargo.lock` without cargo: each
 * package depends on the next (a chain 1,000 deep) and the workspace on all of them, and 20 more
 * registry packages the lock names are not on disk. The scan finishes, reports every package that
 * is there with its unsafe code, names each missing one with the reason, and keeps its exit code.
 */
class LargeGraphScanTest {
    private static final int PACKAGES = 1000;
    private static final int MISSING = 20;

    @TempDir
    Path dir;
    Path app;

    @BeforeEach
    void makeGraph() throws Exception {
        StringBuilder lock = new StringBuilder("version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n");
        StringBuilder manifest = new StringBuilder("[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n");
        for (int i = 0; i < PACKAGES; i++) {
            lock.append(" \"p").append(i).append("\",\n");
            manifest.append("p").append(i).append(" = { path = \"../p").append(i).append("\" }\n");
        }
        for (int i = 0; i < MISSING; i++) {
            lock.append(" \"gone").append(i).append("\",\n");
            manifest.append("gone").append(i).append(" = \"1\"\n");
        }
        lock.append("]\n");
        for (int i = 0; i < PACKAGES; i++) {
            String next = i + 1 < PACKAGES ? "p" + (i + 1) : null;
            write("p" + i + "/Cargo.toml", "[package]\nname = \"p" + i + "\"\nversion = \"1.0.0\"\nedition = \"2021\"\n"
                    + (next == null ? "" : "\n[dependencies]\n" + next + " = { path = \"../" + next + "\" }\n"));
            write("p" + i + "/src/lib.rs", "/// # Safety\n/// `p` must be valid for reads.\npub unsafe fn read" + i
                    + "(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n"
                    + (next == null ? "" : "\npub fn call(p: &u8) -> u8 {\n    // SAFETY: a reference is valid for reads.\n"
                    + "    unsafe { " + next + "::read" + (i + 1) + "(p) }\n}\n"));
            lock.append("\n[[package]]\nname = \"p").append(i).append("\"\nversion = \"1.0.0\"\n");
            if (next != null) {
                lock.append("dependencies = [\"").append(next).append("\"]\n");
            }
        }
        for (int i = 0; i < MISSING; i++) {
            lock.append("\n[[package]]\nname = \"gone").append(i).append("\"\nversion = \"1.0.").append(i)
                    .append("\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n");
        }
        write("app/Cargo.toml", manifest.toString());
        write("app/Cargo.lock", lock.toString());
        write("app/src/lib.rs", "pub fn first(p: &u8) -> u8 {\n    // SAFETY: a reference is valid for reads.\n"
                + "    unsafe { p0::read0(p) }\n}\n");
        app = dir.resolve("app");
    }

    @Test
    void aThousandPackagesAreScannedAndEachMissingOneIsNamed() throws Exception {
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--deps", "--no-cargo", "--no-cache", "--format", "json",
                "--fail-on", "none", app.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(PACKAGES + 1, json.path("crates").size(), "the workspace and every package on disk");
        int blocks = 0;
        for (JsonNode c : json.path("crates")) {
            blocks += c.path("counts").path("unsafe-block").asInt();
        }
        assertEquals(PACKAGES + (PACKAGES - 1) + 1, blocks, "each package's blocks, and the workspace's");
        for (int i = 0; i < MISSING; i++) {
            assertTrue(run.err().contains("gone" + i + " 1.0." + i), "gone" + i + " is named: " + run.err());
        }
        assertFalse(run.err().contains("Exception"), run.err());
        // the workspace's call into the first package resolves through the graph
        JsonNode site = null;
        for (JsonNode s : json.path("files").get(0).path("sites")) {
            if (s.path("ruleId").asText().equals("unsafe-call")) {
                site = s;
            }
        }
        assertTrue(site != null && site.path("message").asText().contains("p0"), String.valueOf(site));
    }

    @Test
    void theTextReportsTreeOfAThousandLevelsIsWritten() {
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--deps", "--no-cargo", "--no-cache", "--fail-on", "none",
                app.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("p999"), "the last package of the chain is in the report");
    }

    private void write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
