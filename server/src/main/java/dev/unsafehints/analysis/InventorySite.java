package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;

/**
 * A place where the syntax alone shows that safety is suspended or checked by hand: an unsafe
 * block, fn, impl or trait, an extern block, a static mut, a union, a raw pointer cast or borrow,
 * inline assembly, an unsafe attribute.
 *
 * @param ruleId  the inventory rule that reports it (its kind)
 * @param range   from the anchor token the rule's document names to the end of the construct
 * @param detail  a short name for messages, e.g. the fn name or "*const"
 */
public record InventorySite(String ruleId, TextRange range, String detail, java.util.List<Fix> fixes) {
    public InventorySite {
        fixes = java.util.List.copyOf(fixes);
    }

    public InventorySite(String ruleId, TextRange range, String detail) {
        this(ruleId, range, detail, java.util.List.of());
    }
}
