package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Unsafe trait. */
@RuleInfo(id = "unsafe-trait", title = "Unsafe trait", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class UnsafeTraitRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "unsafe trait `" + site.detail() + "`: implementors must uphold a contract the compiler cannot check";
    }
}
