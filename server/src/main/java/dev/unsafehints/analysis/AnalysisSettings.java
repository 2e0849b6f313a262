package dev.unsafehints.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What users can configure, from {@code unsafe-hints.toml}, editor settings or the command line:
 * a severity per rule ({@link Severity#OFF} disables it) and the rules' options, by the key each
 * rule declares (a rule reads its own; the settings do not know what they mean). Immutable; later
 * sources override earlier ones through {@link #overriddenBy}.
 */
public record AnalysisSettings(Map<String, Severity> severities, Map<String, Integer> options) {
    public static final AnalysisSettings DEFAULT = new AnalysisSettings(Map.of(), Map.of());

    public AnalysisSettings {
        severities = Map.copyOf(severities);
        options = Map.copyOf(options);
    }

    /** The value set for an option, else the rule's default. */
    public int option(String key, int defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    public Optional<Severity> severityOverride(String ruleId) {
        return Optional.ofNullable(severities.get(ruleId));
    }

    /** These settings with every value that {@code other} sets explicitly taken from it. */
    public AnalysisSettings overriddenBy(Map<String, Severity> moreSeverities, Map<String, Integer> moreOptions) {
        Map<String, Severity> merged = new HashMap<>(severities);
        merged.putAll(moreSeverities);
        Map<String, Integer> mergedOptions = new HashMap<>(options);
        mergedOptions.putAll(moreOptions);
        return new AnalysisSettings(merged, mergedOptions);
    }
}
