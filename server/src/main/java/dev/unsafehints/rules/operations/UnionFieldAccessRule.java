package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Read of a union field. */
@RuleInfo(id = UnionFieldAccessRule.ID, title = "Read of a union field", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"},
        column = "union", columnOrder = 4, noun = "union field read", tokenType = "property",
        checklist = {
                "Is the field read the one that was last written (or valid for every bit pattern)?"},
        review = RuleInfo.ReviewRole.COVERED)
public final class UnionFieldAccessRule extends OperationRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "union-field-access";

    @Override
    protected OperationKind kind() {
        return OperationKind.UNION_FIELD_ACCESS;
    }
}
