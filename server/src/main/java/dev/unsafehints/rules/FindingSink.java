package dev.unsafehints.rules;

import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.text.TextRange;
import java.util.List;
import java.util.Map;

/** Where a rule reports; the rule id and severity are filled in by the framework. */
public interface FindingSink {
    /**
     * Reports a finding. {@code severityForThisSite}, when not null, replaces the rule's default for
     * this one finding (e.g. a lint that is a warning only in edition 2024); a severity the user
     * configured for the rule still wins.
     */
    void report(TextRange range, String message, List<RelatedLocation> related, List<Fix> fixes,
                Map<String, String> properties, Severity severityForThisSite);

    default void report(TextRange range, String message, List<RelatedLocation> related, List<Fix> fixes,
                        Map<String, String> properties) {
        report(range, message, related, fixes, properties, null);
    }

    default void report(TextRange range, String message) {
        report(range, message, List.of(), List.of(), Map.of());
    }
}
