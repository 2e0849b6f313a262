package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Unsafe trait implementation. */
@RuleInfo(id = "unsafe-impl", title = "Unsafe trait implementation", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class UnsafeImplRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return site.detail().isEmpty() ? "unsafe impl: this code vouches for the trait's safety contract" : "unsafe impl of `" + site.detail() + "`: this code vouches for the trait's safety contract";
    }
}
