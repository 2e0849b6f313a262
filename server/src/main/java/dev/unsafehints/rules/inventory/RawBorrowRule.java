package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Raw borrow. */
@RuleInfo(id = "raw-borrow", title = "Raw borrow", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class RawBorrowRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "raw borrow (`" + site.detail() + "`): creates a raw pointer without a reference";
    }
}
