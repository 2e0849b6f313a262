package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Call to an unsafe function. */
@RuleInfo(id = "unsafe-call", title = "Call to an unsafe function", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"})
public final class UnsafeCallRule extends OperationRule {
    @Override
    protected OperationKind kind() {
        return OperationKind.UNSAFE_CALL;
    }
}
