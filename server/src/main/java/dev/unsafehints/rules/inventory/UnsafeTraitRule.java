package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Unsafe trait. */
@RuleInfo(id = UnsafeTraitRule.ID, title = "Unsafe trait", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "traits", columnOrder = 4, noun = "unsafe trait", unsafeSite = true, documentedBy = RuleInfo.SafetyText.SAFETY_SECTION,
        narrowColumn = true,
        checklist = {
                "Does the trait's documentation say exactly what implementors must guarantee?",
                "Does unsafe code elsewhere rely on more than that documented contract?"},
        review = RuleInfo.ReviewRole.ITEM_SITE)
public final class UnsafeTraitRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unsafe-trait";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.UNSAFE_TRAIT;
    }

    @Override
    protected String message(InventorySite site) {
        return "unsafe trait `" + site.detail() + "`: implementors must uphold a contract the compiler cannot check";
    }
}
