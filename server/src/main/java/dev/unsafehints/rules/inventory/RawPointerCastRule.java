package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/** Cast to a raw pointer. */
@RuleInfo(id = RawPointerCastRule.ID, title = "Cast to a raw pointer", severity = Severity.HINT,
        category = RuleInfo.Category.INVENTORY, tags = {"unsafe", "inventory", "pointer"},
        column = "casts", columnOrder = 8, noun = "cast", safeCode = true, narrowColumn = true, holdsOperations = false,
        checklist = {
                "Is the target type's alignment and size compatible with the data behind the pointer?",
                "Does a *const-to-*mut cast ever lead to a write through memory that was shared?"},
        review = RuleInfo.ReviewRole.COVERED)
public final class RawPointerCastRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "raw-pointer-cast";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.RAW_POINTER_CAST;
    }

    @Override
    protected void report(FileModel model, InventorySite site, FindingSink sink) {
        sink.report(site.range(), message(site), List.of(), site.fixes(), Map.of());
    }

    @Override
    protected String message(InventorySite site) {
        return "cast to a raw pointer (`" + site.detail() + "`): the compiler stops checking what it points to";
    }
}
