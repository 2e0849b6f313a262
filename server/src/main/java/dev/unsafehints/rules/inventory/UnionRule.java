package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Union. */
@RuleInfo(id = "union", title = "Union", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class UnionRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "union `" + site.detail() + "`: reading a field is unsafe, since the compiler does not track which field is valid";
    }
}
