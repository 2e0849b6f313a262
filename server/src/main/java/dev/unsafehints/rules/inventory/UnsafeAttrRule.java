package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Unsafe attribute. */
@RuleInfo(id = "unsafe-attr", title = "Unsafe attribute", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class UnsafeAttrRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "unsafe attribute `" + site.detail() + "`: the author vouches that it cannot break soundness";
    }
}
