package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Unsafe trait implementation. */
@RuleInfo(id = UnsafeImplRule.ID, title = "Unsafe trait implementation", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "impls", columnOrder = 3, noun = "unsafe impl", unsafeSite = true, documentedBy = RuleInfo.SafetyText.COMMENT,
        narrowColumn = true,
        checklist = {
                "Does the type really uphold the trait's contract (for Send/Sync: no unsynchronized shared mutation, no thread-bound data)?",
                "Is there a SAFETY comment explaining why, and is it still true for every field?"},
        review = RuleInfo.ReviewRole.ITEM_SITE)
public final class UnsafeImplRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unsafe-impl";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.UNSAFE_IMPL;
    }

    @Override
    protected String message(InventorySite site) {
        return site.detail().isEmpty() ? "unsafe impl: this code vouches for the trait's safety contract" : "unsafe impl of `" + site.detail() + "`: this code vouches for the trait's safety contract";
    }
}
