package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** `p as *mut T` from a `*const T` (or the reverse): `p.cast_mut()` / `p.cast_const()` say it by name. */
@RuleInfo(id = "ptr-cast-constness", title = "as-cast that only changes a pointer's mutability", severity = Severity.HINT,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "pointer", "style"})
public final class PtrCastConstnessRule extends ContextualRule {
}
