package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Mutable pointer made from a shared borrow. */
@RuleInfo(id = "invalid-ptr-cast", title = "Mutable pointer made from a shared borrow", severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "correctness"})
public final class InvalidPtrCastRule extends ContextualRule {
}
