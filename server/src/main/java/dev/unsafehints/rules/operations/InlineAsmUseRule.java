package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Use of inline assembly. */
@RuleInfo(id = "inline-asm-use", title = "Use of inline assembly", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"})
public final class InlineAsmUseRule extends OperationRule {
    @Override
    protected OperationKind kind() {
        return OperationKind.INLINE_ASM;
    }
}
