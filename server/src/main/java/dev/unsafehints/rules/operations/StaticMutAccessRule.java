package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Use of a mutable static. */
@RuleInfo(id = "static-mut-access", title = "Use of a mutable static", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"})
public final class StaticMutAccessRule extends OperationRule {
    @Override
    protected OperationKind kind() {
        return OperationKind.STATIC_MUT_ACCESS;
    }
}
