package dev.unsafehints.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * Per-file counts for reports and code lenses: findings per rule id (after configuration), and
 * how many unsafe blocks carry a SAFETY comment.
 */
public record FileSummary(Map<String, Integer> countsByRule, int unsafeBlocks, int documentedUnsafeBlocks,
                          int unsafeFunctions, int documentedUnsafeFunctions) {
    public FileSummary {
        countsByRule = Map.copyOf(countsByRule);
    }

    public static final FileSummary EMPTY = new FileSummary(Map.of(), 0, 0, 0, 0);

    public int count(String ruleId) {
        return countsByRule.getOrDefault(ruleId, 0);
    }

    public FileSummary plus(FileSummary other) {
        Map<String, Integer> sum = new TreeMap<>(countsByRule);
        other.countsByRule.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return new FileSummary(sum, unsafeBlocks + other.unsafeBlocks,
                documentedUnsafeBlocks + other.documentedUnsafeBlocks,
                unsafeFunctions + other.unsafeFunctions, documentedUnsafeFunctions + other.documentedUnsafeFunctions);
    }
}
