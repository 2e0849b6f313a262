package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Call to an unsafe function. */
@RuleInfo(id = UnsafeCallRule.ID, title = "Call to an unsafe function", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"},
        column = "call", columnOrder = 2, noun = "call", tokenType = "function",
        checklist = {
                "Read the callee's `# Safety` section: is each condition met at this call?",
                "Is the argument that the conditions hold written down in a SAFETY comment?"},
        review = RuleInfo.ReviewRole.COVERED)
public final class UnsafeCallRule extends OperationRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unsafe-call";

    @Override
    protected OperationKind kind() {
        return OperationKind.UNSAFE_CALL;
    }
}
