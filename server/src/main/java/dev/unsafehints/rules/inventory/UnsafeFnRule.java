package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * Unsafe function, with whether its docs have a {@code # Safety} section (property
 * {@code safetySection}: {@code documented}, {@code template} or {@code missing}), a fact that does
 * not depend on which guideline rules are on.
 */
@RuleInfo(id = "unsafe-fn", title = "Unsafe function", severity = Severity.HINT, category = RuleInfo.Category.INVENTORY,
        tags = {"unsafe", "inventory"})
public final class UnsafeFnRule extends InventoryRule {
    @Override
    protected String message(InventorySite site) {
        return "unsafe fn `" + site.detail() + "`: callers must uphold its safety contract";
    }

    @Override
    protected void report(FileModel model, InventorySite site, FindingSink sink) {
        for (FunctionFact fn : model.facts().functions()) {
            if (fn.unsafeKeyword() != null && model.startOf(fn.unsafeKeyword()) == site.range().start()) {
                String state = fn.hasSafetySection() ? "documented" : fn.hasSafetyTemplate() ? "template" : "missing";
                sink.report(site.range(), message(site), List.of(), List.of(), Map.of("safetySection", state));
                return;
            }
        }
        super.report(model, site, sink);
    }
}
