package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** `&x as *const T`: a reference made only to be turned into a pointer; `&raw const x` says it directly. */
@RuleInfo(id = "borrow-as-ptr", title = "Borrow cast to a raw pointer", severity = Severity.HINT,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "pointer", "style"})
public final class BorrowAsPtrRule extends ContextualRule {
}
