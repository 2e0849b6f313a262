package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;

/** Union. */
@RuleInfo(id = UnionRule.ID, title = "Union", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "unions", columnOrder = 7, noun = "union",
        checklist = {
                "Is the active field tracked, so reads only use the field last written?",
                "Are all bit patterns valid for every field that is read?"},
        review = RuleInfo.ReviewRole.ITEM_SITE)
public final class UnionRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "union";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.UNION;
    }

    @Override
    protected String message(InventorySite site) {
        return "union `" + site.detail() + "`: reading a field is unsafe, since the compiler does not track which field is valid";
    }
}
