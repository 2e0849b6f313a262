package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Use of mem::uninitialized. */
@RuleInfo(id = "mem-uninitialized", title = "Use of mem::uninitialized", severity = Severity.ERROR, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "correctness"})
public final class MemUninitializedRule extends ContextualRule {
}
