package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Unsafe attribute without unsafe(...). */
@RuleInfo(id = "missing-unsafe-attr", title = "Unsafe attribute without unsafe(...)", severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "edition-2024"})
public final class MissingUnsafeAttrRule extends ContextualRule {
}
