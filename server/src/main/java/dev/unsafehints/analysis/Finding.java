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
 * @param properties extra facts (e.g. {@code safetyDoc} of a callee)
 * @param cfg        the {@code #[cfg]} conditions that guard it, outermost first, typed so that no
 *                   reader splits a joined string again (the reports add what the analysis does not
 *                   see, such as a {@code #[test]} fn or a {@code #[cfg(test)] mod x;} in another file)
 */
public record Finding(String ruleId, Severity severity, String message, TextRange range,
                      List<RelatedLocation> related, List<Fix> fixes, Map<String, String> properties,
                      List<String> cfg) {
    public Finding {
        message = dev.unsafehints.macros.LocalHygiene.display(message); // a macro's local reads as written
        related = List.copyOf(related);
        fixes = List.copyOf(fixes);
        properties = Map.copyOf(properties);
        cfg = List.copyOf(cfg);
    }

    /** A finding no {@code #[cfg]} guards (yet: the analyzer adds the conditions, {@link #withCfg}). */
    public Finding(String ruleId, Severity severity, String message, TextRange range,
                   List<RelatedLocation> related, List<Fix> fixes, Map<String, String> properties) {
        this(ruleId, severity, message, range, related, fixes, properties, List.of());
    }

    public Finding(String ruleId, Severity severity, String message, TextRange range) {
        this(ruleId, severity, message, range, List.of(), List.of(), Map.of());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, range, related, fixes, properties, cfg);
    }

    /** This finding guarded by these {@code #[cfg]} conditions, outermost first (normalized text, `test` for cfg(test)). */
    public Finding withCfg(List<String> conditions) {
        return new Finding(ruleId, severity, message, range, related, fixes, properties, conditions);
    }
}
