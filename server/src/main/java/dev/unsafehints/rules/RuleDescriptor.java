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
        return info().map(i -> List.of(i.lints())).orElse(List.of());
    }

    /** The label of the rule's report column, or empty (see {@link RuleInfo#column()}). */
    public String column() {
        return info().map(RuleInfo::column).orElse("");
    }

    public int columnOrder() {
        return info().map(RuleInfo::columnOrder).orElse(0);
    }

    /** What one site is called in a report's sentence, or empty (see {@link RuleInfo#noun()}). */
    public String noun() {
        return info().map(RuleInfo::noun).orElse("");
    }

    /** The semantic-token type of the rule's findings, or empty (see {@link RuleInfo#tokenType()}). */
    public String tokenType() {
        return info().map(RuleInfo::tokenType).orElse("");
    }

    /** The review questions of the rule's sites, or none (see {@link RuleInfo#checklist()}). */
    public List<String> checklist() {
        return info().map(i -> List.of(i.checklist())).orElse(List.of());
    }

    /** What review makes of the rule's findings (see {@link RuleInfo#review()}); GAP for rules outside the catalogue. */
    public RuleInfo.ReviewRole review() {
        return info().map(RuleInfo::review).orElse(RuleInfo.ReviewRole.GAP);
    }

    /** Whether `unsafe` is written at the rule's sites (see {@link RuleInfo#unsafeSite()}). */
    public boolean unsafeSite() {
        return info().map(RuleInfo::unsafeSite).orElse(false);
    }

    /** What documents one of the rule's sites (see {@link RuleInfo#documentedBy()}). */
    public RuleInfo.SafetyText documentedBy() {
        return info().map(RuleInfo::documentedBy).orElse(RuleInfo.SafetyText.NONE);
    }

    /** The text whose absence the rule reports (see {@link RuleInfo#reportsMissing()}). */
    public RuleInfo.SafetyText reportsMissing() {
        return info().map(RuleInfo::reportsMissing).orElse(RuleInfo.SafetyText.NONE);
    }

    /** Whether the rule's sites are safe code making raw pointers (see {@link RuleInfo#safeCode()}). */
    public boolean safeCode() {
        return info().map(RuleInfo::safeCode).orElse(false);
    }

    /** Whether a report's card of the rule's site lists the operations inside (see {@link RuleInfo#holdsOperations()}). */
    public boolean holdsOperations() {
        return info().map(RuleInfo::holdsOperations).orElse(true);
    }

    /** Whether the narrow crate tables show the rule's column (see {@link RuleInfo#narrowColumn()}). */
    public boolean narrowColumn() {
        return info().map(RuleInfo::narrowColumn).orElse(false);
    }

    /** The rule's option, if it has one (see {@link RuleOption}). */
    public java.util.Optional<RuleOption> option() {
        return java.util.Optional.ofNullable(ruleClass == null ? null : ruleClass.getAnnotation(RuleOption.class));
    }

    /** The annotation the rule was described from; absent for findings of rules outside the catalogue. */
    private java.util.Optional<RuleInfo> info() {
        return java.util.Optional.ofNullable(ruleClass == null ? null : ruleClass.getAnnotation(RuleInfo.class));
    }

    /** The rule's documentation page, built from the id in this one place. */
    public String docsUrl() {
        return RuleDocs.url(id);
    }
}
