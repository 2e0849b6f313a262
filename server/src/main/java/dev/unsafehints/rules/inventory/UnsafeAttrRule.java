package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Unsafe attribute. */
@RuleInfo(id = UnsafeAttrRule.ID, title = "Unsafe attribute", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "unsafe attrs", columnOrder = 11, noun = "unsafe attribute", unsafeSite = true,
        checklist = {
                "Can the symbol name collide with another symbol in the final binary?",
                "Does the exported signature match what the other side expects?"},
        review = RuleInfo.ReviewRole.ITEM_SITE)
public final class UnsafeAttrRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unsafe-attr";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.UNSAFE_ATTR;
    }

    @Override
    protected String message(InventorySite site) {
        return "unsafe attribute `" + site.detail() + "`: the author vouches that it cannot break soundness";
    }
}
