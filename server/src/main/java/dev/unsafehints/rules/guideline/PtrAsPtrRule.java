package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** `p as *const U` between raw pointers: `p.cast::<U>()` cannot change mutability by accident. */
@RuleInfo(id = "ptr-as-ptr", title = "as-cast between raw pointers", severity = Severity.HINT,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "pointer", "style"})
public final class PtrAsPtrRule extends ContextualRule {
}
