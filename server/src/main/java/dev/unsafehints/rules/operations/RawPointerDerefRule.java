package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Dereference of a raw pointer. */
@RuleInfo(id = "raw-pointer-deref", title = "Dereference of a raw pointer", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"})
public final class RawPointerDerefRule extends OperationRule {
    @Override
    protected OperationKind kind() {
        return OperationKind.RAW_POINTER_DEREF;
    }
}
