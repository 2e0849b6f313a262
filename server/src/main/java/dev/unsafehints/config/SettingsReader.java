package dev.unsafehints.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleNames;
import dev.unsafehints.rules.RuleOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one reading of what a user can set: a level per rule under {@code rules}, each rule's declared
 * options, and (editor only) {@code cargo.enable}. The project file ({@code unsafe-hints.toml}) and
 * the editor's {@code unsafeHints} settings both arrive here as a tree, so both accept the same
 * values and say the same words about a wrong one; only how a key is spelled differs by
 * {@link Source}. What to do with a problem (stop on the file, skip the one editor setting) is the
 * caller's.
 */
public final class SettingsReader {
    /** Where settings come from, and how each spells its keys. */
    public enum Source {
        /** {@code unsafe-hints.toml}: kebab-case keys at the top level; any other key is a misspelling. */
        PROJECT_FILE("", RuleOption::key, true),
        /** The editor's {@code unsafeHints} section: camelCase keys beside the extension's own settings. */
        EDITOR("unsafeHints.", RuleOption::editorKey, false);

        private final String prefix;
        private final Function<RuleOption, String> optionKey;
        private final boolean knowsAllKeys;

        Source(String prefix, Function<RuleOption, String> optionKey, boolean knowsAllKeys) {
            this.prefix = prefix;
            this.optionKey = optionKey;
            this.knowsAllKeys = knowsAllKeys;
        }

        /** A key path as users of this source write it: `rules.unsafe-block`, `unsafeHints.rules.unsafe-block`. */
        public String display(List<String> path) {
            return prefix + String.join(".", path);
        }

        /** The keys this source's top level may hold. */
        List<String> keys() {
            Stream<String> own = this == EDITOR ? Stream.of("rules", "cargo") : Stream.of("rules");
            return Stream.concat(RuleCatalog.options().stream().map(optionKey), own).toList();
        }
    }

    /**
     * Something set that cannot be used: its key path (as written in the source, without the
     * editor's section name), what is wrong, and whether the value was malformed (an error) or only
     * unknown (a warning: it is skipped and the rest applies).
     */
    public record Issue(List<String> path, String message, boolean error) {
        public Issue {
            path = List.copyOf(path);
        }
    }

    /** The values a source sets (only those it sets), and its issues in the order they were found. */
    public record Read(Map<String, Severity> severities, Map<String, Integer> options, boolean cargoEnabled,
            List<Issue> issues) {
        public Read {
            severities = Map.copyOf(severities);
            options = Map.copyOf(options);
            issues = List.copyOf(issues);
        }
    }

    private SettingsReader() {
    }

    /** Reads one source's tree; a missing or non-object root sets nothing. */
    public static Read read(JsonNode root, Source source) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        Map<String, Integer> options = new LinkedHashMap<>();
        List<Issue> issues = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Read(severities, options, false, issues);
        }
        if (source.knowsAllKeys) {
            unknownKeys(root, source.keys(), issues);
        }
        readLevels(root.path("rules"), source, severities, issues);
        for (RuleOption option : RuleCatalog.options()) {
            String key = source.optionKey.apply(option);
            JsonNode node = root.path(key);
            if (node.isMissingNode() || node.isNull()) {
                continue;
            }
            // JSON has one number type, so 8.0 is the whole number 8 in either source
            if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()) && node.asDouble() >= 0
                    && node.asDouble() <= Integer.MAX_VALUE) {
                options.put(option.key(), node.asInt());
            } else {
                issues.add(new Issue(List.of(key), source.display(List.of(key)) + " must be a whole number >= 0, not "
                        + node, true));
            }
        }
        boolean cargoEnabled = false;
        JsonNode enable = root.path("cargo").path("enable");
        if (source == Source.EDITOR && !enable.isMissingNode() && !enable.isNull()) {
            if (enable.isBoolean()) {
                cargoEnabled = enable.asBoolean();
            } else {
                issues.add(new Issue(List.of("cargo", "enable"), source.display(List.of("cargo", "enable"))
                        + " must be true or false, not " + enable, true));
            }
        }
        return new Read(severities, options, cargoEnabled, issues);
    }

    private static void unknownKeys(JsonNode root, List<String> keys, List<Issue> issues) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (keys.contains(key)) {
                continue;
            }
            Optional<String> near = RuleNames.nearest(key, keys);
            String hint = near.map(k -> "; did you mean `" + k + "`?")
                    .orElse(RuleCatalog.byId(key).isPresent() ? "; rule levels go in the [rules] table"
                            : " (known keys: " + String.join(", ", keys) + ")");
            issues.add(new Issue(List.of(key), "unknown key `" + key + "`, ignored" + hint, false));
        }
    }

    private static void readLevels(JsonNode rules, Source source, Map<String, Severity> severities, List<Issue> issues) {
        if (rules.isMissingNode() || rules.isNull()) {
            return;
        }
        if (!rules.isObject()) {
            issues.add(new Issue(List.of("rules"), source.display(List.of("rules"))
                    + " must map rule ids to levels (rule-id = \"level\")", true));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = it.next();
            List<String> path = List.of("rules", rule.getKey());
            if (!rule.getValue().isTextual()) {
                issues.add(new Issue(path, source.display(path) + " must be a string (" + Severity.VOCABULARY + ")", true));
                continue;
            }
            String text = rule.getValue().asText().strip();
            Severity level = null;
            if (!text.isEmpty() && !text.equalsIgnoreCase("default")) { // "default": keep the rule's own level
                try {
                    level = Severity.parse(text);
                } catch (IllegalArgumentException e) {
                    issues.add(new Issue(path, source.display(path) + ": " + e.getMessage(), true));
                    continue;
                }
            }
            if (RuleCatalog.byId(rule.getKey()).isEmpty()) {
                issues.add(new Issue(path, "unknown rule `" + rule.getKey() + "`, ignored"
                        + RuleNames.suggestion(rule.getKey()).map(s -> "; did you mean " + s + "?")
                        .orElse(" (`unsafe-hints explain` lists the rules)"), false));
            } else if (level != null) {
                severities.put(rule.getKey(), level);
            }
        }
    }
}
