package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;

/** Base of the inventory rules: each reports every site of its own kind with its own message. */
abstract class InventoryRule implements Rule {
    @Override
    public final void check(FileModel model, FindingSink sink) {
        String id = getClass().getAnnotation(RuleInfo.class).id();
        reportAll(model, model.facts().inventory(id), sink);
    }

    /** Reports the sites of this rule's kind in a file; a rule may prepare what they share first. */
    protected void reportAll(FileModel model, java.util.List<InventorySite> sites, FindingSink sink) {
        for (InventorySite site : sites) {
            report(model, site, sink);
        }
    }

    protected void report(FileModel model, InventorySite site, FindingSink sink) {
        sink.report(site.range(), message(site));
    }

    protected abstract String message(InventorySite site);
}
