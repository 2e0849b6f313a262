package dev.unsafehints.report;

import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.rules.inventory.ExternBlockRule;
import dev.unsafehints.rules.inventory.UnsafeAttrRule;
import dev.unsafehints.rules.inventory.UnsafeBlockRule;
import dev.unsafehints.rules.inventory.UnsafeFnRule;
import dev.unsafehints.rules.inventory.UnsafeImplRule;
import dev.unsafehints.rules.inventory.UnsafeTraitRule;
import java.util.List;

/**
 * The rule ids that count unsafe code (rather than judge it), in the order the crate tables show
 * them, with the short column labels used by the text and HTML reports: both declared on the rules
 * ({@link RuleInfo#column()}), so a new inventory or operation rule has its column.
 */
public final class UnsafeKinds {
    /** One counted kind: its rule id and a short label for table headers. */
    public record Kind(String ruleId, String label) {
    }

    /** The cargo-geiger-like inventory columns, as the inventory rules declare them. */
    public static final List<Kind> INVENTORY = columns(RuleInfo.Category.INVENTORY);

    /** Unsafe operations by kind, as the operation rules declare them. */
    public static final List<Kind> OPERATIONS = columns(RuleInfo.Category.OPERATION);

    /**
     * The "unsafe sites": where `unsafe` is written (blocks, fns, impls, traits, extern blocks,
     * attributes), as the editor's status bar counts them; operations, casts, `static mut` and
     * union declarations are counted apart.
     */
    public static final List<String> SITES = List.of(UnsafeBlockRule.ID, UnsafeFnRule.ID, UnsafeImplRule.ID,
            UnsafeTraitRule.ID, ExternBlockRule.ID, UnsafeAttrRule.ID);

    /** Rules whose sites are an unsafe block or impl that may carry a SAFETY comment. */
    public static final List<String> SAFETY_COMMENT_SUBJECTS = List.of(UnsafeBlockRule.ID, UnsafeImplRule.ID);

    private UnsafeKinds() {
    }

    /** The rules of a category that declare a report column, in their declared order. */
    private static List<Kind> columns(RuleInfo.Category category) {
        return RuleCatalog.all().stream()
                .filter(r -> r.category() == category && !r.column().isEmpty())
                .sorted(java.util.Comparator.comparingInt(RuleDescriptor::columnOrder))
                .map(r -> new Kind(r.id(), r.column()))
                .toList();
    }

    /** The category of a rule id by its name, for findings of rules outside the catalogue. */
    public static RuleInfo.Category categoryOf(String ruleId) {
        if (INVENTORY.stream().anyMatch(k -> k.ruleId().equals(ruleId))) {
            return RuleInfo.Category.INVENTORY;
        }
        if (OPERATIONS.stream().anyMatch(k -> k.ruleId().equals(ruleId))) {
            return RuleInfo.Category.OPERATION;
        }
        return RuleInfo.Category.GUIDELINE;
    }

    /** True for the rules counted in the inventory or operation columns. */
    public static boolean isCounted(String ruleId) {
        return INVENTORY.stream().anyMatch(k -> k.ruleId().equals(ruleId))
                || OPERATIONS.stream().anyMatch(k -> k.ruleId().equals(ruleId));
    }
}
