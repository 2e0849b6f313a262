package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/** Cast to a raw pointer. */
@RuleInfo(id = "raw-pointer-cast", title = "Cast to a raw pointer", severity = Severity.HINT,
        category = RuleInfo.Category.INVENTORY, tags = {"unsafe", "inventory", "pointer"})
public final class RawPointerCastRule extends InventoryRule {
    @Override
    protected void report(FileModel model, InventorySite site, FindingSink sink) {
        sink.report(site.range(), message(site), List.of(), site.fixes(), Map.of());
    }

    @Override
    protected String message(InventorySite site) {
        return "cast to a raw pointer (`" + site.detail() + "`): the compiler stops checking what it points to";
    }
}
