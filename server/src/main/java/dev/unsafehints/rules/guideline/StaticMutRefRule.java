package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/** A reference taken to a static mut: a warning, and an error in edition 2024 where rustc denies it. */
@RuleInfo(id = StaticMutRefRule.ID, title = "Reference to a mutable static", severity = Severity.WARNING,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "correctness"}, lints = "static_mut_refs")
public final class StaticMutRefRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "static-mut-ref";

    @Override
    public void check(FileModel model, FindingSink sink) {
        Severity severity = model.edition() == Edition.E2024 ? Severity.ERROR : null;
        for (UnsafeFacts.ContextualSite site : model.facts().contextualSites(UnsafeFacts.ContextualSite.Kind.STATIC_MUT_REFERENCE)) {
            sink.report(site.range(), site.message(), List.of(), site.fixes(), Map.of(), severity);
        }
    }
}
