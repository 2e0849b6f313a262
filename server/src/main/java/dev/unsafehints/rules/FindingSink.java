package dev.unsafehints.rules;

import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.TextRange;
import java.util.List;
import java.util.Map;

/** Where a rule reports; the rule id and severity are filled in by the framework. */
public interface FindingSink {
    void report(TextRange range, String message, List<RelatedLocation> related, List<Fix> fixes,
                Map<String, String> properties);

    default void report(TextRange range, String message) {
        report(range, message, List.of(), List.of(), Map.of());
    }
}
