package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.analysis.Severity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One vocabulary for levels (issue 19 item 8): error, warning, note, hint, off in `--fail-on`,
 * `--severity`, the TOML and every report; the aliases (info, information, warn, deny, allow, none)
 * are accepted and never printed.
 */
class LevelVocabularyTest {
    private static String crate() throws URISyntaxException {
        return Path.of(LevelVocabularyTest.class.getResource("/scan/levels/Cargo.toml").toURI()).getParent().toString();
    }

    @Test
    void everySpellingParsesToOneLevelPrintedOneWay() {
        assertEquals(Severity.INFO, Severity.parse("note"));
        assertEquals(Severity.INFO, Severity.parse("information"));
        assertEquals(Severity.INFO, Severity.parse("Info"));
        assertEquals(Severity.WARNING, Severity.parse("warn"));
        assertEquals(Severity.ERROR, Severity.parse("deny"));
        assertEquals(Severity.OFF, Severity.parse("allow"));
        assertEquals("note", Severity.INFO.label());
        assertEquals("hint", Severity.HINT.label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Severity.parse("loud"));
        assertEquals("unknown level 'loud' (expected error, warning, note, hint or off)", e.getMessage());
    }

    @Test
    void reportsPrintTheLevelNames() throws Exception {
        ScanFixture.Run text = ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", "--fail-on", "none", crate());
        assertTrue(text.out().contains("borrow-as-ptr  borrow cast to a raw pointer"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.contains("borrow-as-ptr") && l.endsWith("[hint]")), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.contains("raw-pointer-deref") && l.endsWith("[note]")), text.out());
        assertTrue(text.out().contains("(0 errors, 1 warning, 1 note, 5 hints)"), text.out());
        assertFalse(text.out().contains("[info]"), text.out());

        ScanFixture.Run json = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", "--fail-on", "none", crate());
        List<String> severities = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json.out()).path("files")) {
            f.path("sites").forEach(s -> severities.add(s.path("ruleId").asText() + "=" + s.path("severity").asText()));
        }
        assertTrue(severities.contains("raw-pointer-deref=note"), severities.toString());
        assertTrue(severities.contains("borrow-as-ptr=hint"), severities.toString());
        assertTrue(severities.contains("missing-safety-comment=warning"), severities.toString());

        ScanFixture.Run markdown = ScanFixture.scanWithRealRules("--no-cargo", "--format", "markdown", "--fail-on", "none", crate());
        assertTrue(markdown.out().contains("**1** note · **5** hints"), markdown.out());
    }

    @Test
    void failOnTakesEveryLevelAndItsAliases() throws IOException, URISyntaxException {
        String crate = crate();
        assertEquals(0, ScanFixture.scanWithRealRules("--no-cargo", "--fail-on", "error", crate).exitCode());
        assertEquals(1, ScanFixture.scanWithRealRules("--no-cargo", "--fail-on", "warn", crate).exitCode());
        assertEquals(1, ScanFixture.scanWithRealRules("--no-cargo", "--fail-on", "info", crate).exitCode());
        assertEquals(0, ScanFixture.scanWithRealRules("--no-cargo", "--fail-on", "off", crate).exitCode());
        // the hint alone: the warning and the note turned off
        String[] onlyHint = {"--no-cargo", "--severity", "missing-safety-comment=off", "--severity",
                "raw-pointer-deref=allow"};
        assertEquals(0, ScanFixture.scanWithRealRules(concat(onlyHint, "--fail-on", "note", crate)).exitCode());
        assertEquals(1, ScanFixture.scanWithRealRules(concat(onlyHint, "--fail-on", "hint", crate)).exitCode());
        ScanFixture.Run bad = ScanFixture.scanWithRealRules("--no-cargo", "--fail-on", "loud", crate);
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("expected error, warning, note, hint or off"), bad.err());
        ScanFixture.Run badSeverity = ScanFixture.scanWithRealRules("--no-cargo", "--severity", "unsafe-block=loud", crate);
        assertEquals(2, badSeverity.exitCode());
        assertTrue(badSeverity.err().contains("expected error, warning, note, hint or off"), badSeverity.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
