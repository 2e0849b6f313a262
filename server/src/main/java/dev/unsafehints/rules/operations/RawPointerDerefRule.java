package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Dereference of a raw pointer. */
@RuleInfo(id = RawPointerDerefRule.ID, title = "Dereference of a raw pointer", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"},
        column = "deref", columnOrder = 1, noun = "dereference", tokenType = "operator",
        checklist = {
                "Is the pointer non-null, aligned, and pointing into a live allocation of the right type?",
                "Is the memory initialized, and does no `&mut` to it exist while it is read (or any reference while written)?"},
        review = RuleInfo.ReviewRole.COVERED)
public final class RawPointerDerefRule extends OperationRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "raw-pointer-deref";

    @Override
    protected OperationKind kind() {
        return OperationKind.RAW_POINTER_DEREF;
    }
}
