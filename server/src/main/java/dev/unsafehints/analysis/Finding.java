package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;
import java.util.List;
import java.util.Map;

/**
 * One result of the analysis: protocol-free, so the language server, the scanner and every
 * report writer translate it in their own way.
 *
 * @param ruleId     the rule's stable id, e.g. {@code unsafe-block}
 * @param severity   the effective severity after configuration
 * @param message    one sentence for a person
 * @param range      the exact span, in UTF-16 offsets of the file's text
 * @param related    places that explain the finding
 * @param fixes      quick fixes
 * @param properties extra facts (e.g. {@code safetyDoc} of a callee, {@code cfg} conditions)
 */
public record Finding(String ruleId, Severity severity, String message, TextRange range,
                      List<RelatedLocation> related, List<Fix> fixes, Map<String, String> properties) {
    public Finding {
        message = dev.unsafehints.macros.LocalHygiene.display(message); // a macro's local reads as written
        related = List.copyOf(related);
        fixes = List.copyOf(fixes);
        properties = Map.copyOf(properties);
    }

    public Finding(String ruleId, Severity severity, String message, TextRange range) {
        this(ruleId, severity, message, range, List.of(), List.of(), Map.of());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, range, related, fixes, properties);
    }
}
