package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Read of a union field. */
@RuleInfo(id = "union-field-access", title = "Read of a union field", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"})
public final class UnionFieldAccessRule extends OperationRule {
    @Override
    protected OperationKind kind() {
        return OperationKind.UNION_FIELD_ACCESS;
    }
}
