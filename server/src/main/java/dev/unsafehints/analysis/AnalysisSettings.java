package dev.unsafehints.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What users can configure, from {@code unsafe-hints.toml}, editor settings or the command line:
 * a severity per rule ({@link Severity#OFF} disables it) and thresholds. Immutable; later sources
 * override earlier ones through {@link #overriddenBy}.
 */
public record AnalysisSettings(Map<String, Severity> severities, int largeBlockThreshold) {
    /** Safe statements an unsafe block may hold beyond its unsafe operations before it is "large". */
    public static final int DEFAULT_LARGE_BLOCK_THRESHOLD = 5;
    public static final AnalysisSettings DEFAULT = new AnalysisSettings(Map.of(), DEFAULT_LARGE_BLOCK_THRESHOLD);

    public AnalysisSettings {
        severities = Map.copyOf(severities);
    }

    public Optional<Severity> severityOverride(String ruleId) {
        return Optional.ofNullable(severities.get(ruleId));
    }

    /** These settings with every value that {@code other} sets explicitly taken from it. */
    public AnalysisSettings overriddenBy(Map<String, Severity> moreSeverities, Integer threshold) {
        Map<String, Severity> merged = new HashMap<>(severities);
        merged.putAll(moreSeverities);
        return new AnalysisSettings(merged, threshold == null ? largeBlockThreshold : threshold);
    }
}
