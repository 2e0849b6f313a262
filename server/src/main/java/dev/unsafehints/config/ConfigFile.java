package dev.unsafehints.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a project's {@code unsafe-hints.toml}. Shared by the language server and the scanner, so
 * both understand the file the same way:
 *
 * <pre>
 * large-block-threshold = 8
 *
 * [rules]
 * unsafe-block = "off"
 * missing-safety-comment = "error"
 * </pre>
 *
 * Severities are those {@link Severity#parse} accepts. Keys the file does not set keep their defaults.
 */
public final class ConfigFile {
    /** The file name looked up at a workspace or project root. */
    public static final String FILE_NAME = "unsafe-hints.toml";

    private static final TomlMapper TOML = new TomlMapper();

    private ConfigFile() {
    }

    /** The settings of the file in {@code folder}, or the defaults when there is none. */
    public static AnalysisSettings loadFromFolder(Path folder) throws InvalidConfigException {
        return load(folder.resolve(FILE_NAME));
    }

    /** The settings a file sets over the defaults; a missing file gives the defaults. */
    public static AnalysisSettings load(Path file) throws InvalidConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return AnalysisSettings.DEFAULT;
        } catch (IOException e) {
            throw new InvalidConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses the text of a config file; {@code origin} names it in error messages. */
    public static AnalysisSettings parse(String text, String origin) throws InvalidConfigException {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidConfigException(origin + ": not valid TOML: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return AnalysisSettings.DEFAULT;
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        JsonNode rules = root.path("rules");
        if (!rules.isMissingNode()) {
            if (!rules.isObject()) {
                throw new InvalidConfigException(origin + ": [rules] must be a table of rule-id = \"severity\"");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> rule = it.next();
                if (!rule.getValue().isTextual()) {
                    throw new InvalidConfigException(origin + ": rules." + rule.getKey()
                            + " must be a string (" + Severity.VOCABULARY + ")");
                }
                try {
                    severities.put(rule.getKey(), Severity.parse(rule.getValue().asText()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigException(origin + ": rules." + rule.getKey() + ": " + e.getMessage(), e);
                }
            }
        }
        Integer threshold = null;
        JsonNode thresholdNode = root.path("large-block-threshold");
        if (!thresholdNode.isMissingNode()) {
            if (!thresholdNode.canConvertToInt() || !thresholdNode.isIntegralNumber() || thresholdNode.asInt() < 0) {
                throw new InvalidConfigException(origin + ": large-block-threshold must be a whole number >= 0, not "
                        + thresholdNode);
            }
            threshold = thresholdNode.asInt();
        }
        return AnalysisSettings.DEFAULT.overriddenBy(severities, threshold);
    }

    /** The file exists but cannot be used; the message names the file and the key at fault. */
    public static final class InvalidConfigException extends Exception {
        public InvalidConfigException(String message) {
            super(message);
        }

        public InvalidConfigException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
