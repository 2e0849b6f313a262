package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.RuleInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unsafe function, with whether its docs have a {@code # Safety} section (property
 * {@code safetySection}: {@code documented}, {@code template} or {@code missing}), a fact that does
 * not depend on which guideline rules are on.
 */
@RuleInfo(id = UnsafeFnRule.ID, title = "Unsafe function", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"},
        column = "fns", columnOrder = 2, noun = "unsafe fn", unsafeSite = true, documentedBy = RuleInfo.SafetyText.SAFETY_SECTION,
        narrowColumn = true,
        checklist = {
                "Does the `# Safety` section list every condition a caller must uphold?",
                "Does the body check what it can instead of leaving it to callers?",
                "Are the unsafe operations in the body in their own `unsafe {}` blocks with SAFETY comments?"},
        review = RuleInfo.ReviewRole.ITEM_SITE)
public final class UnsafeFnRule extends InventoryRule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unsafe-fn";

    @Override
    protected InventorySite.Kind kind() {
        return InventorySite.Kind.UNSAFE_FN;
    }

    @Override
    protected String message(InventorySite site) {
        return "unsafe fn `" + site.detail() + "`: callers must uphold its safety contract";
    }

    /**
     * Each site's function is found by where its `unsafe` keyword starts, in a map made once per
     * file: searching the file's functions for each site made files of thousands of unsafe fns
     * (core::arch) quadratic.
     */
    @Override
    protected void reportAll(FileModel model, List<InventorySite> sites, FindingSink sink) {
        if (sites.isEmpty()) {
            return;
        }
        Map<Integer, FunctionFact> byKeyword = new HashMap<>();
        for (FunctionFact fn : model.facts().functions()) {
            if (fn.unsafeKeyword() != null) {
                byKeyword.putIfAbsent(model.startOf(fn.unsafeKeyword()), fn); // the first, as a search would find
            }
        }
        for (InventorySite site : sites) {
            FunctionFact fn = byKeyword.get(site.range().start());
            if (fn == null) {
                super.report(model, site, sink);
                continue;
            }
            String state = fn.hasSafetySection() ? "documented" : fn.hasSafetyTemplate() ? "template" : "missing";
            sink.report(site.range(), message(site), List.of(), List.of(), Map.of("safetySection", state));
        }
    }
}
