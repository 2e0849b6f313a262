package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Use of inline assembly. */
@RuleInfo(id = InlineAsmUseRule.ID, title = "Use of inline assembly", severity = Severity.INFO, category = RuleInfo.Category.OPERATION,
        tags = {"unsafe", "operation"},
        column = "asm", columnOrder = 5, noun = "asm use", tokenType = "macro",
        checklist = {
                "Are the operands and clobbers complete, and does the asm respect Rust's memory model?"},
        review = RuleInfo.ReviewRole.COVERED)
public final class InlineAsmUseRule extends OperationRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "inline-asm-use";

    @Override
    protected OperationKind kind() {
        return OperationKind.INLINE_ASM;
    }
}
