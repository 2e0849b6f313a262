package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Use of a mutable static. */
@RuleInfo(id = StaticMutAccessRule.ID, title = "Use of a mutable static", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"},
        column = "static", columnOrder = 3, noun = "static mut use", tokenType = "variable",
        checklist = {
                "Is every access to this static synchronized, or provably single-threaded and non-reentrant?",
                "Is a reference to it ever held across code that could access it again?"},
        review = RuleInfo.ReviewRole.COVERED)
public final class StaticMutAccessRule extends OperationRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "static-mut-access";

    @Override
    protected OperationKind kind() {
        return OperationKind.STATIC_MUT_ACCESS;
    }
}
