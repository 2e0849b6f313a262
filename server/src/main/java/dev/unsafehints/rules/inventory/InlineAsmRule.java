package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Inline assembly. */
@RuleInfo(id = "inline-asm", title = "Inline assembly", severity = Severity.INFO, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class InlineAsmRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "inline assembly (`" + site.detail() + "!`): the compiler cannot check what it does";
    }
}
