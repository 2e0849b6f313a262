package dev.unsafehints.report;

import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import java.util.List;

/**
 * What a reviewer should check at each kind of unsafe site: the questions whose answers make the
 * site sound (or show it is not). Written for people learning to review unsafe Rust; each inventory
 * and operation rule declares its own, the generic ones stand for the rest.
 */
public final class ReviewChecklist {
    private static final List<String> GENERIC = List.of(
            "Is there a SAFETY comment, and does it argue why every operation here is sound?",
            "Could this be done without unsafe, or with a smaller unsafe region?");

    private ReviewChecklist() {
    }

    /** The questions the rule declares ({@link dev.unsafehints.rules.RuleInfo#checklist()}), else the generic ones. */
    public static List<String> forRule(String ruleId) {
        return RuleCatalog.byId(ruleId).map(RuleDescriptor::checklist).filter(q -> !q.isEmpty()).orElse(GENERIC);
    }
}
