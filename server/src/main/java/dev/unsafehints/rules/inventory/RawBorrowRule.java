package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Raw borrow. */
@RuleInfo(id = RawBorrowRule.ID, title = "Raw borrow", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "raw borrows", columnOrder = 9, noun = "raw borrow", safeCode = true,
        checklist = {
                "Is the raw pointer used only while the place is alive and not moved?",
                "Is `&raw`/`addr_of!` used because the place may be unaligned or uninitialized, as intended?"},
        review = RuleInfo.ReviewRole.COVERED)
public final class RawBorrowRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "raw-borrow";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.RAW_BORROW;
    }

    @Override
    protected String message(InventorySite site) {
        return "raw borrow (`" + site.detail() + "`): creates a raw pointer without a reference";
    }
}
