package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * SAFETY and `# Safety` coverage count what the columns beside them count (issue 19 item 13): the
 * blocks and impls (not blocks only), outside test-only code, like `counts`.
 */
class CoverageTest {
    private static String crate() throws Exception {
        return Path.of(CoverageTest.class.getResource("/scan/coverage/Cargo.toml").toURI()).getParent().toString();
    }

    @Test
    void coverageHasTheColumnsDenominators() throws Exception {
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", "--fail-on", "none", crate());
        JsonNode totals = new ObjectMapper().readTree(run.out()).path("totals");
        JsonNode counts = totals.path("counts");
        assertEquals(2, counts.path("unsafe-block").asInt(), totals.toString());
        assertEquals(2, counts.path("unsafe-impl").asInt(), totals.toString());
        assertEquals(4, totals.path("safetyComments").path("total").asInt(), "blocks and impls: " + totals);
        assertEquals(2, totals.path("safetyComments").path("documented").asInt(), totals.toString());
        assertEquals(counts.path("unsafe-fn").asInt() + counts.path("unsafe-trait").asInt(),
                totals.path("safetyDocs").path("total").asInt(), totals.toString());
        assertEquals(3, totals.path("safetyDocs").path("total").asInt(), totals.toString());
        assertEquals(1, totals.path("safetyDocs").path("documented").asInt(), totals.toString());

        ScanFixture.Run text = ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", "--fail-on", "none", crate());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("coverage 0.1.0") && l.contains("50% (2/4)")), text.out());
    }

    /**
     * A file that is a `#[cfg(test)] mod tests;` is test-only as a whole: its blocks, impls and fns
     * leave the coverages as they leave the columns (the tests.rs files of alloc's collections counted 0 blocks
     * but 1 or 2 to cover, so the crate said 237/941 beside 936 blocks and impls).
     */
    @Test
    void aTestModuleFileLeavesTheCoveragesAsItLeavesTheColumns(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        java.nio.file.Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"t\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        java.nio.file.Files.createDirectories(root.resolve("src"));
        java.nio.file.Files.writeString(root.resolve("src/lib.rs"), String.join("\n",
                "pub fn f(p: *const u8) -> u8 {",
                "    // SAFETY: the caller's pointer is valid.",
                "    unsafe { *p }",
                "}",
                "#[cfg(test)]",
                "mod tests;",
                ""));
        java.nio.file.Files.writeString(root.resolve("src/tests.rs"), String.join("\n",
                "fn helper(p: *const u8) -> u8 { unsafe { *p } }",
                "pub unsafe fn raw(p: *const u8) -> u8 { unsafe { *p } }",
                "struct S;",
                "unsafe impl Send for S {}",
                ""));
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", "--fail-on", "none", root.toString());
        JsonNode totals = new ObjectMapper().readTree(run.out()).path("totals");
        assertEquals(1, totals.path("counts").path("unsafe-block").asInt(), totals.toString());
        assertEquals(0, totals.path("counts").path("unsafe-impl").asInt(), totals.toString());
        assertEquals("{\"documented\":1,\"total\":1}", totals.path("safetyComments").toString(), "the lib's block alone");
        assertEquals("{\"documented\":0,\"total\":0}", totals.path("safetyDocs").toString(), "the test file's fn is not counted");
    }
}
