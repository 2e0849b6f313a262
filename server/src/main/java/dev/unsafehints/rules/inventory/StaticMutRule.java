package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Mutable static. */
@RuleInfo(id = "static-mut", title = "Mutable static", severity = Severity.INFO, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class StaticMutRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "static mut `" + site.detail() + "`: every access is unsafe and unsynchronised";
    }
}
