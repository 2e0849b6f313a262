package dev.unsafehints.report;

import dev.unsafehints.rules.RuleInfo;
import java.util.List;

/**
 * The rule ids that count unsafe code (rather than judge it), in the order the crate tables show
 * them, with the short column labels used by the text and HTML reports.
 */
public final class UnsafeKinds {
    /** One counted kind: its rule id and a short label for table headers. */
    public record Kind(String ruleId, String label) {
    }

    /** The cargo-geiger-like inventory columns. */
    public static final List<Kind> INVENTORY = List.of(
            new Kind("unsafe-block", "blocks"),
            new Kind("unsafe-fn", "fns"),
            new Kind("unsafe-impl", "impls"),
            new Kind("unsafe-trait", "traits"),
            new Kind("extern-block", "extern"),
            new Kind("static-mut", "static mut"),
            new Kind("union", "unions"),
            new Kind("raw-pointer-cast", "casts"),
            new Kind("raw-borrow", "raw borrows"),
            new Kind("inline-asm", "asm"),
            new Kind("unsafe-attr", "unsafe attrs"));

    /** Unsafe operations by kind. */
    public static final List<Kind> OPERATIONS = List.of(
            new Kind("raw-pointer-deref", "deref"),
            new Kind("unsafe-call", "call"),
            new Kind("static-mut-access", "static"),
            new Kind("union-field-access", "union"),
            new Kind("inline-asm-use", "asm"));

    /**
     * The "unsafe sites": where `unsafe` is written (blocks, fns, impls, traits, extern blocks,
     * attributes), as the editor's status bar counts them; operations, casts, `static mut` and
     * union declarations are counted apart.
     */
    public static final List<String> SITES = List.of("unsafe-block", "unsafe-fn", "unsafe-impl", "unsafe-trait",
            "extern-block", "unsafe-attr");

    /** Rules whose sites are an unsafe block or impl that may carry a SAFETY comment. */
    public static final List<String> SAFETY_COMMENT_SUBJECTS = List.of("unsafe-block", "unsafe-impl");

    public static final String MISSING_SAFETY_COMMENT = "missing-safety-comment";
    public static final String MISSING_SAFETY_DOC = "missing-safety-doc";

    private UnsafeKinds() {
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
