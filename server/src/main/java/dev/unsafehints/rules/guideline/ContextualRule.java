package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/** Base of rules whose sites the facts walk found with their message (e.g. `&x as *mut T`). */
abstract class ContextualRule implements Rule {
    @Override
    public void check(FileModel model, FindingSink sink) {
        String id = getClass().getAnnotation(RuleInfo.class).id();
        for (UnsafeFacts.ContextualSite site : model.facts().contextualSites(id)) {
            sink.report(site.range(), site.message(), List.of(), site.fixes(), Map.of(), site.severity());
        }
    }
}
