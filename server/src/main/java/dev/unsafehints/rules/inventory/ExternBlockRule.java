package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Extern block. */
@RuleInfo(id = ExternBlockRule.ID, title = "Extern block", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "extern", columnOrder = 5, noun = "extern block", unsafeSite = true, narrowColumn = true,
        checklist = {
                "Do the declared signatures match the foreign definitions exactly (types, ABI, nullability)?",
                "Is each foreign function wrapped in a safe function that checks its arguments?"},
        review = RuleInfo.ReviewRole.ITEM_SITE)
public final class ExternBlockRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "extern-block";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.EXTERN_BLOCK;
    }

    @Override
    protected String message(InventorySite site) {
        return "extern \"" + site.detail() + "\" block: foreign items are unsafe to use unless declared `safe`";
    }
}
