package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Unsafe function. */
@RuleInfo(id = "unsafe-fn", title = "Unsafe function", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class UnsafeFnRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "unsafe fn `" + site.detail() + "`: callers must uphold its safety contract";
    }
}
