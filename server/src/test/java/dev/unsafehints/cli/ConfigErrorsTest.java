package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `scan` and `unsafe-hints.toml` (issue 19 item 7): a file that cannot be read as configuration
 * stops the scan with exit 2 and says where; an unknown key or rule id is a warning with what was
 * meant, and the rest of the file applies.
 */
class ConfigErrorsTest {
    @TempDir
    Path crate;

    @BeforeEach
    void crate() throws Exception {
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\nname = \"c\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Files.writeString(crate.resolve("src/lib.rs"), "pub fn read(p: &u8) -> u8 {\n    unsafe { *(p as *const u8) }\n}\n");
    }

    private ScanFixture.Run scan(String config) throws Exception {
        Files.writeString(crate.resolve("unsafe-hints.toml"), config);
        return ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", crate.toString());
    }

    @Test
    void aFileThatIsNotConfigurationStopsTheScan() throws Exception {
        ScanFixture.Run badLevel = scan("[rules]\nmissing-safety-comment = \"eror\"\n");
        assertEquals(2, badLevel.exitCode(), badLevel.out());
        assertTrue(badLevel.err().contains("unsafe-hints.toml:2:1: rules.missing-safety-comment: unknown level 'eror'"
                + " (expected error, warning, note, hint or off)"), badLevel.err());
        assertEquals("", badLevel.out(), "no report from a scan that did not run");

        ScanFixture.Run notToml = scan("[rules\nmissing-safety-comment = \"error\"\n");
        assertEquals(2, notToml.exitCode());
        assertTrue(notToml.err().contains("unsafe-hints.toml:1:7: not valid TOML"), notToml.err());

        ScanFixture.Run wrongType = scan("large-block-threshold = \"many\"\n");
        assertEquals(2, wrongType.exitCode());
        assertTrue(wrongType.err().contains("unsafe-hints.toml:1:1: large-block-threshold must be a whole number"),
                wrongType.err());
    }

    @Test
    void aMisspellingIsAWarningAndTheRestApplies() throws Exception {
        ScanFixture.Run run = scan("[rules]\nmissing-safety-coment = \"off\"\nmissing-safety-comment = \"error\"\n");
        assertEquals(1, run.exitCode(), "the error level set by the known rule applies: " + run.err());
        assertTrue(run.err().contains("unsafe-hints.toml:2:1: warning: unknown rule `missing-safety-coment`, ignored;"
                + " did you mean `missing-safety-comment`?"), run.err());
        assertTrue(run.out().contains("missing-safety-comment"), run.out());
        assertFalse(run.err().contains("ignoring"), run.err());
    }

    @Test
    void aMisspelledRuleOnTheCommandLineSaysWhatWasMeant() throws Exception {
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--severity", "clippy::borrow_as_ptr=off",
                crate.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown rule 'clippy::borrow_as_ptr' in --severity; did you mean `borrow-as-ptr`"
                + " (clippy's `clippy::borrow_as_ptr`)?"), run.err());
    }
}
