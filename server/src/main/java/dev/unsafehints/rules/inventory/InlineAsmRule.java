package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Inline assembly. */
@RuleInfo(id = InlineAsmRule.ID, title = "Inline assembly", severity = Severity.INFO, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "asm", columnOrder = 10, noun = "asm! block",
        checklist = {
                "Are all clobbered registers, memory effects and flags declared in the operands and options?",
                "Is there a portable alternative (an intrinsic, core::arch) that would do?"},
        review = RuleInfo.ReviewRole.SITE)
public final class InlineAsmRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "inline-asm";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.INLINE_ASM;
    }

    @Override
    protected String message(InventorySite site) {
        return "inline assembly (`" + site.detail() + "!`): the compiler cannot check what it does";
    }
}
