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
}
