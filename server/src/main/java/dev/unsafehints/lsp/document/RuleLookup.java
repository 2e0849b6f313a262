package dev.unsafehints.lsp.document;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The metadata of the rules this server runs, by id. */
public final class RuleLookup {
    private final Map<String, RuleDescriptor> byId = new LinkedHashMap<>();

    public RuleLookup(List<RuleDescriptor> rules) {
        for (RuleDescriptor rule : rules) {
            byId.put(rule.id(), rule);
        }
    }

    public Optional<RuleDescriptor> descriptor(String ruleId) {
        return Optional.ofNullable(byId.get(ruleId));
    }

    public String title(String ruleId) {
        return descriptor(ruleId).map(RuleDescriptor::title).orElse(ruleId);
    }

    /** The rule's category, or null for an id this server does not run. */
    public RuleInfo.Category category(String ruleId) {
        return descriptor(ruleId).map(RuleDescriptor::category).orElse(null);
    }

    /** True when the rule runs under the settings, so the absence of its findings means something. */
    public boolean isActive(String ruleId, AnalysisSettings settings) {
        return descriptor(ruleId)
                .map(d -> settings.severityOverride(ruleId).orElse(d.defaultSeverity()) != Severity.OFF)
                .orElse(false);
    }
}
