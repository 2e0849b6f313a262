package dev.unsafehints.lsp;

import dev.unsafehints.report.UnsafeKinds;
import dev.unsafehints.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a client counts in its own summaries, as the rules declare it, sent once in the initialize
 * result ({@code capabilities.experimental.unsafeHints}): which rules' findings are unsafe sites (the
 * status bar's "N unsafe"), and which of those a SAFETY text documents (the findings whose
 * {@code data.documented} says whether it does). A client then keeps no list of rule ids.
 */
public final class SiteRules {
    private SiteRules() {
    }

    /** {@code {unsafeSiteRules: [..], documentedSiteRules: [..]}}, both in the reports' column order. */
    public static Map<String, List<String>> declared() {
        List<String> documented = new ArrayList<>();
        for (RuleInfo.SafetyText text : RuleInfo.SafetyText.values()) {
            if (text != RuleInfo.SafetyText.NONE) {
                documented.addAll(UnsafeKinds.documentedBy(text));
            }
        }
        return Map.of("unsafeSiteRules", UnsafeKinds.SITES, "documentedSiteRules", documented);
    }
}
