package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Mutable static. */
@RuleInfo(id = StaticMutRule.ID, title = "Mutable static", severity = Severity.INFO, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "static mut", columnOrder = 6, noun = "static mut",
        checklist = {
                "Can this be an atomic, a Mutex, a OnceLock or a thread_local! instead?",
                "If not: what guarantees no two threads (or re-entrant calls) access it at once?"},
        review = RuleInfo.ReviewRole.ITEM_SITE)
public final class StaticMutRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "static-mut";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.STATIC_MUT;
    }

    @Override
    protected String message(InventorySite site) {
        return "static mut `" + site.detail() + "`: every access is unsafe and unsynchronised";
    }
}
