package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Extern block. */
@RuleInfo(id = "extern-block", title = "Extern block", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class ExternBlockRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "extern \"" + site.detail() + "\" block: foreign items are unsafe to use unless declared `safe`";
    }
}
