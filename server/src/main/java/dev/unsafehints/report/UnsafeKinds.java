package dev.unsafehints.report;

import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import java.util.Comparator;
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
     * union declarations are counted apart. The rules say it ({@link RuleInfo#unsafeSite()}).
     */
    public static final List<String> SITES = RuleCatalog.all().stream()
            .filter(RuleDescriptor::unsafeSite).sorted(Comparator.comparingInt(RuleDescriptor::columnOrder))
            .map(RuleDescriptor::id).toList();

    /** The inventory columns of the narrow crate tables (text, Markdown), as the rules declare them. */
    public static final List<Kind> NARROW = INVENTORY.stream().filter(k -> descriptor(k.ruleId()).narrowColumn()).toList();

    /** The inventory rules whose sites are safe code making raw pointers (casts, raw borrows). */
    public static final List<String> SAFE_CODE = INVENTORY.stream().map(Kind::ruleId)
            .filter(id -> descriptor(id).safeCode()).toList();

    private UnsafeKinds() {
    }

    /** The rules whose sites {@code text} documents, in column order ({@link RuleInfo#documentedBy()}). */
    public static List<String> documentedBy(RuleInfo.SafetyText text) {
        return RuleCatalog.all().stream().filter(r -> r.documentedBy() == text)
                .sorted(Comparator.comparingInt(RuleDescriptor::columnOrder)).map(RuleDescriptor::id).toList();
    }

    /** What documents a rule's sites; NONE for a rule outside the catalogue. */
    public static RuleInfo.SafetyText documentedByOf(String ruleId) {
        return RuleCatalog.byId(ruleId).map(RuleDescriptor::documentedBy).orElse(RuleInfo.SafetyText.NONE);
    }

    /** The guideline rule that reports a site without {@code text} ({@link RuleInfo#reportsMissing()}). */
    public static String missingRule(RuleInfo.SafetyText text) {
        return RuleCatalog.all().stream().filter(r -> r.reportsMissing() == text).map(RuleDescriptor::id)
                .findFirst().orElseThrow(() -> new IllegalStateException("no rule reports a missing " + text));
    }

    private static RuleDescriptor descriptor(String ruleId) {
        return RuleCatalog.byId(ruleId).orElseThrow();
    }

    /** The rules of a category that declare a report column, in their declared order. */
    private static List<Kind> columns(RuleInfo.Category category) {
        return RuleCatalog.all().stream()
                .filter(r -> r.category() == category && !r.column().isEmpty())
                .sorted(Comparator.comparingInt(RuleDescriptor::columnOrder))
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
