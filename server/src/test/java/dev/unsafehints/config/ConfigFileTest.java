package dev.unsafehints.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.guideline.LargeUnsafeBlockRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals(Map.of(LargeUnsafeBlockRule.THRESHOLD, 8), s.options());
        assertEquals(8, s.option(LargeUnsafeBlockRule.THRESHOLD, LargeUnsafeBlockRule.DEFAULT_THRESHOLD));
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
        assertEquals(LargeUnsafeBlockRule.DEFAULT_THRESHOLD,
                s.option(LargeUnsafeBlockRule.THRESHOLD, LargeUnsafeBlockRule.DEFAULT_THRESHOLD));
    }

    @Test
    void errorsNameTheFileAndTheKey() {
        var badSeverity = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.parse("[rules]\nunsafe-block = \"loud\"\n", "ws/unsafe-hints.toml"));
        assertTrue(badSeverity.getMessage().startsWith("ws/unsafe-hints.toml:2:1: rules.unsafe-block: unknown level 'loud'"),
                badSeverity.getMessage());
        var notString = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.parse("[rules]\nunsafe-block = 3\n", "x.toml"));
        assertTrue(notString.getMessage().contains("rules.unsafe-block must be a string"), notString.getMessage());
        var threshold = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.parse("large-block-threshold = \"many\"\n", "x.toml"));
        assertTrue(threshold.getMessage().contains("large-block-threshold must be a whole number"), threshold.getMessage());
        var syntax = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.parse("[rules\n", "x.toml"));
        assertTrue(syntax.getMessage().startsWith("x.toml:1:7: not valid TOML"), syntax.getMessage());
        assertThrows(ConfigFile.InvalidConfigException.class, () -> ConfigFile.parse("rules = 5\n", "x.toml"));
        assertThrows(ConfigFile.InvalidConfigException.class, () -> ConfigFile.parse("large-block-threshold = -1\n", "x.toml"));
    }

    @Test
    void unknownKeysAndRuleIdsAreWarningsWithWhatWasMeant() throws Exception {
        ConfigFile.Loaded loaded = ConfigFile.read(String.join("\n",
                "large_block_threshold = 3",
                "colour = true",
                "",
                "[rules]",
                "missing-safety-coment = \"error\"",
                "  \"undocumented_unsafe_blocks\" = \"warn\"",
                "unsafe-block = \"off\"",
                "zzz = \"off\""), "x.toml");
        assertEquals(Map.of("unsafe-block", Severity.OFF), loaded.settings().severities(), "the known rule still applies");
        assertEquals(List.of(
                "x.toml:1:1: warning: unknown key `large_block_threshold`, ignored; did you mean `large-block-threshold`?",
                "x.toml:2:1: warning: unknown key `colour`, ignored (known keys: large-block-threshold, rules)",
                "x.toml:5:1: warning: unknown rule `missing-safety-coment`, ignored; did you mean `missing-safety-comment`?",
                "x.toml:6:3: warning: unknown rule `undocumented_unsafe_blocks`, ignored; did you mean"
                        + " `missing-safety-comment` (clippy's `clippy::undocumented_unsafe_blocks`)?",
                "x.toml:8:1: warning: unknown rule `zzz`, ignored (`unsafe-hints explain` lists the rules)"),
                loaded.warnings().stream().map(w -> w.describeWarning("x.toml")).toList());
        ConfigFile.Problem first = loaded.warnings().get(0);
        assertEquals(List.of(0, 0, 25), List.of(first.line(), first.column(), first.endColumn()));
    }

    @Test
    void keysAreFoundInDottedAndInlineTables() throws Exception {
        ConfigFile.Loaded dotted = ConfigFile.read("rules.unsafe-blok = \"off\"\n", "x.toml");
        assertEquals("x.toml:1:1: warning: unknown rule `unsafe-blok`, ignored; did you mean `unsafe-block`?",
                dotted.warnings().get(0).describeWarning("x.toml"));
        ConfigFile.Loaded inline = ConfigFile.read("rules = { unsafe-block = \"off\", unsafe-blok = \"off\" }\n", "x.toml");
        ConfigFile.Problem p = inline.warnings().get(0);
        assertEquals(List.of(0, 32, 43), List.of(p.line(), p.column(), p.endColumn()));
        var rule = assertThrows(ConfigFile.InvalidConfigException.class,
                () -> ConfigFile.read("rule = 1\n[rules]\nunsafe-block = 2\n", "x.toml"));
        assertEquals("x.toml:3:1: rules.unsafe-block must be a string (error, warning, note, hint or off)", rule.getMessage());
    }
}
