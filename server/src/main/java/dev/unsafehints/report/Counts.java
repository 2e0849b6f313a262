package dev.unsafehints.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Site counts per rule id; immutable, summed per file and per crate. */
public record Counts(Map<String, Integer> byRule) {
    public static final Counts EMPTY = new Counts(Map.of());

    public Counts {
        byRule = Collections.unmodifiableMap(new TreeMap<>(byRule));
    }

    public int get(String ruleId) {
        return byRule.getOrDefault(ruleId, 0);
    }

    public int total() {
        return byRule.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Counts plus(Counts other) {
        Map<String, Integer> sum = new TreeMap<>(byRule);
        other.byRule.forEach((k, v) -> sum.merge(k, v, Integer::sum));
        return new Counts(sum);
    }

    public Counts plus(String ruleId) {
        Map<String, Integer> sum = new TreeMap<>(byRule);
        sum.merge(ruleId, 1, Integer::sum);
        return new Counts(sum);
    }
}
