package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;

/**
 * A place where the syntax alone shows that safety is suspended or checked by hand: an unsafe
 * block, fn, impl or trait, an extern block, a static mut, a union, a raw pointer cast or borrow,
 * inline assembly, an unsafe attribute.
 *
 * @param kind    what construct it is (one inventory rule reports each kind)
 * @param range   from the anchor token the rule's document names to the end of the construct
 * @param detail  a short name for messages, e.g. the fn name or "*const"
 */
public record InventorySite(Kind kind, TextRange range, String detail, java.util.List<Fix> fixes) {
    /** The constructs of the inventory. */
    public enum Kind {
        UNSAFE_BLOCK, UNSAFE_FN, UNSAFE_IMPL, UNSAFE_TRAIT, EXTERN_BLOCK, STATIC_MUT, UNION, RAW_POINTER_CAST, RAW_BORROW,
        INLINE_ASM, UNSAFE_ATTR
    }

    public InventorySite {
        fixes = java.util.List.copyOf(fixes);
    }

    public InventorySite(Kind kind, TextRange range, String detail) {
        this(kind, range, detail, java.util.List.of());
    }
}
