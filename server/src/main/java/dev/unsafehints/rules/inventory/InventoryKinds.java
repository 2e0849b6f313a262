package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.InventorySite;

/**
 * The inventory rule that reports each kind of construct, for the layers above that meet the
 * analysis' sites without their findings (review). A switch, so that a new kind without its rule
 * does not compile.
 */
public final class InventoryKinds {
    private InventoryKinds() {
    }

    public static String ruleId(InventorySite.Kind kind) {
        return switch (kind) {
            case UNSAFE_BLOCK -> UnsafeBlockRule.ID;
            case UNSAFE_FN -> UnsafeFnRule.ID;
            case UNSAFE_IMPL -> UnsafeImplRule.ID;
            case UNSAFE_TRAIT -> UnsafeTraitRule.ID;
            case EXTERN_BLOCK -> ExternBlockRule.ID;
            case STATIC_MUT -> StaticMutRule.ID;
            case UNION -> UnionRule.ID;
            case RAW_POINTER_CAST -> RawPointerCastRule.ID;
            case RAW_BORROW -> RawBorrowRule.ID;
            case INLINE_ASM -> InlineAsmRule.ID;
            case UNSAFE_ATTR -> UnsafeAttrRule.ID;
        };
    }
}
