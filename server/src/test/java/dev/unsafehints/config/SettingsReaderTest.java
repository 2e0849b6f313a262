package dev.unsafehints.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.config.SettingsReader.Source;
import dev.unsafehints.rules.guideline.LargeUnsafeBlockRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project file and the editor settings, given the same values, keep the same ones and say the same words. */
class SettingsReaderTest {
    private static JsonNode toml(String text) throws Exception {
        return new TomlMapper().readTree(text);
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static List<String> messages(SettingsReader.Read read) {
        return read.issues().stream().map(SettingsReader.Issue::message).toList();
    }

    @Test
    void bothSourcesKeepTheSameValues() throws Exception {
        SettingsReader.Read file = SettingsReader.read(toml(
                "large-block-threshold = 8\n[rules]\nunsafe-block = \"off\"\nunsafe-fn = \"default\"\n"), Source.PROJECT_FILE);
        SettingsReader.Read editor = SettingsReader.read(json(
                "{\"largeBlockThreshold\": 8, \"rules\": {\"unsafe-block\": \"off\", \"unsafe-fn\": \"default\"}}"),
                Source.EDITOR);
        assertEquals(Map.of("unsafe-block", Severity.OFF), file.severities(), "\"default\" sets nothing");
        assertEquals(file.severities(), editor.severities());
        assertEquals(Map.of(LargeUnsafeBlockRule.THRESHOLD, 8), file.options());
        assertEquals(file.options(), editor.options());
        assertTrue(file.issues().isEmpty() && editor.issues().isEmpty(), file + " " + editor);
    }

    @Test
    void bothSourcesSayTheSameWordsSpellingTheKeyTheirWay() throws Exception {
        SettingsReader.Read file = SettingsReader.read(toml(String.join("\n",
                "large-block-threshold = -1",
                "[rules]",
                "unsafe-block = \"loud\"",
                "raw-pointer-deref = 3",
                "unsafe-blok = \"off\"")), Source.PROJECT_FILE);
        SettingsReader.Read editor = SettingsReader.read(json("{\"largeBlockThreshold\": -1, \"rules\": {"
                + "\"unsafe-block\": \"loud\", \"raw-pointer-deref\": 3, \"unsafe-blok\": \"off\"}}"), Source.EDITOR);
        assertEquals(List.of(
                "rules.unsafe-block: unknown level 'loud' (expected error, warning, note, hint or off)",
                "rules.raw-pointer-deref must be a string (error, warning, note, hint or off)",
                "unknown rule `unsafe-blok`, ignored; did you mean `unsafe-block`?",
                "large-block-threshold must be a whole number >= 0, not -1"), messages(file));
        assertEquals(List.of(
                "unsafeHints.rules.unsafe-block: unknown level 'loud' (expected error, warning, note, hint or off)",
                "unsafeHints.rules.raw-pointer-deref must be a string (error, warning, note, hint or off)",
                "unknown rule `unsafe-blok`, ignored; did you mean `unsafe-block`?",
                "unsafeHints.largeBlockThreshold must be a whole number >= 0, not -1"), messages(editor));
        assertEquals(file.issues().stream().map(SettingsReader.Issue::error).toList(),
                editor.issues().stream().map(SettingsReader.Issue::error).toList(), "a wrong value is an error in both");
        assertEquals(List.of("rules", "unsafe-block"), editor.issues().get(0).path());
    }

    @Test
    void theEditorSectionMayHoldTheExtensionsOwnKeysAndCargo() throws Exception {
        SettingsReader.Read editor = SettingsReader.read(json(
                "{\"java\": {\"home\": \"/jdk\"}, \"trace\": {\"server\": \"off\"}, \"cargo\": {\"enable\": true}}"),
                Source.EDITOR);
        assertTrue(editor.issues().isEmpty(), editor.toString());
        assertTrue(editor.cargoEnabled());
        SettingsReader.Read wrong = SettingsReader.read(json("{\"cargo\": {\"enable\": \"yes\"}, \"rules\": 5}"),
                Source.EDITOR);
        assertEquals(List.of("unsafeHints.rules must map rule ids to levels (rule-id = \"level\")",
                "unsafeHints.cargo.enable must be true or false, not \"yes\""), messages(wrong));
        assertFalse(wrong.cargoEnabled());
        SettingsReader.Read file = SettingsReader.read(toml("[cargo]\nenable = true\n"), Source.PROJECT_FILE);
        assertEquals(List.of("unknown key `cargo`, ignored (known keys: large-block-threshold, rules)"), messages(file));
        assertFalse(file.cargoEnabled(), "running cargo is the editor's choice, not the project file's");
    }

    @Test
    void aWholeNumberWrittenWithAPointIsThatNumber() throws Exception {
        assertEquals(Map.of(LargeUnsafeBlockRule.THRESHOLD, 8),
                SettingsReader.read(json("{\"largeBlockThreshold\": 8.0}"), Source.EDITOR).options());
        assertEquals(List.of("large-block-threshold must be a whole number >= 0, not 8.5"),
                messages(SettingsReader.read(toml("large-block-threshold = 8.5\n"), Source.PROJECT_FILE)));
    }
}
