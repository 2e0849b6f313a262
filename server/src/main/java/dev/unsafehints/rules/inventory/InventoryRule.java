package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;

/** Base of the inventory rules: each reports every site of its own kind with its own message. */
abstract class InventoryRule implements Rule {
    /** The construct this rule reports. */
    protected abstract InventorySite.Kind kind();

    @Override
    public final void check(FileModel model, FindingSink sink) {
        reportAll(model, model.facts().inventory(kind()), sink);
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
