package dev.unsafehints.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @Test
    void readsRuleSeveritiesAndTheThreshold() throws Exception {
        AnalysisSettings s = ConfigFile.parse(String.join("\n",
                "large-block-threshold = 8",
                "",
                "[rules]",
                "unsafe-block = \"off\"",
                "missing-safety-comment = \"error\"",
                "raw-pointer-deref = \"warn\""), "test.toml");
        assertEquals(8, s.largeBlockThreshold());
        assertEquals(Map.of("unsafe-block", Severity.OFF, "missing-safety-comment", Severity.ERROR,
                "raw-pointer-deref", Severity.WARNING), s.severities());
    }

    @Test
    void aMissingFileOrEmptyFileGivesTheDefaults(@TempDir Path dir) throws Exception {
        assertEquals(AnalysisSettings.DEFAULT, ConfigFile.loadFromFolder(dir));
        Files.writeString(dir.resolve(ConfigFile.FILE_NAME), "");
        assertEquals(AnalysisSettings.DEFAULT, ConfigFile.loadFromFolder(dir));
    }

    @Test
    void loadsFromAFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ConfigFile.FILE_NAME), "[rules]\nunsafe-fn = \"hint\"\n");
        AnalysisSettings s = ConfigFile.loadFromFolder(dir);
        assertEquals(Severity.HINT, s.severityOverride("unsafe-fn").orElseThrow());
        assertEquals(AnalysisSettings.DEFAULT_LARGE_BLOCK_THRESHOLD, s.largeBlockThreshold());
    }

    @Test
    void errorsNameTheFileAndTheKey() {
        var badSeverity = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.parse("[rules]\nunsafe-block = \"loud\"\n", "ws/unsafe-hints.toml"));
        assertTrue(badSeverity.getMessage().startsWith("ws/unsafe-hints.toml: rules.unsafe-block: unknown level 'loud'"),
                badSeverity.getMessage());
        var notString = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.parse("[rules]\nunsafe-block = 3\n", "x.toml"));
        assertTrue(notString.getMessage().contains("rules.unsafe-block must be a string"), notString.getMessage());
        var threshold = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.parse("large-block-threshold = \"many\"\n", "x.toml"));
        assertTrue(threshold.getMessage().contains("large-block-threshold must be a whole number"), threshold.getMessage());
        var syntax = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.parse("[rules\n", "x.toml"));
        assertTrue(syntax.getMessage().startsWith("x.toml: not valid TOML"), syntax.getMessage());
        assertThrows(ConfigFile.InvalidConfigException.class, () -> ConfigFile.parse("rules = 5\n", "x.toml"));
        assertThrows(ConfigFile.InvalidConfigException.class, () -> ConfigFile.parse("large-block-threshold = -1\n", "x.toml"));
    }
}
