package dev.unsafehints.rules;

import dev.unsafehints.analysis.Severity;
import java.util.List;

/** A rule's metadata, read from its {@link RuleInfo}, plus how to make an instance. */
public record RuleDescriptor(String id, String title, Severity defaultSeverity, RuleInfo.Category category,
                             List<String> tags, Class<? extends Rule> ruleClass) {

    static RuleDescriptor of(Class<? extends Rule> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(type.getName() + " lacks @RuleInfo");
        }
        return new RuleDescriptor(info.id(), info.title(), info.severity(), info.category(),
                List.of(info.tags()), type);
    }

    public Rule newInstance() {
        try {
            return ruleClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create rule " + id, e);
        }
    }

    /** The rustc/clippy lints the rule answers to (see {@link RuleInfo#lints()}). */
    public List<String> lints() {
        RuleInfo info = ruleClass == null ? null : ruleClass.getAnnotation(RuleInfo.class);
        return info == null ? List.of() : List.of(info.lints());
    }

    /** The rule's documentation page, built from the id in this one place. */
    public String docsUrl() {
        return RuleDocs.url(id);
    }
}
