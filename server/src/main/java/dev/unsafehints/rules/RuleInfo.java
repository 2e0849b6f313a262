package dev.unsafehints.rules;

import dev.unsafehints.analysis.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The identity of a rule, on its class: the id (a contract with users and reports), a one-line
 * title, the default severity and tags. The long explanation is {@code rules/<id>.md} beside the
 * classes in the resources.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    String id();

    String title();

    Severity severity();

    /** What kind of rule: inventory, operation or guideline; plus free tags (SARIF properties.tags). */
    Category category();

    String[] tags() default {};

    /**
     * The rustc and clippy lints that mean what this rule means, written as in an attribute
     * (`clippy::missing_safety_doc`): suppressions and configuration accept them for the rule.
     */
    String[] lints() default {};

    /**
     * The short label of the rule's column in the crate tables of the reports (inventory and
     * operation rules; empty: no column), and where the column stands among them.
     */
    String column() default "";

    int columnOrder() default 0;

    /** What one of the rule's sites is called in a sentence of a report ("unsafe block", "dereference"). */
    String noun() default "";

    /** The semantic-token type the editor gives an operation rule's findings (a type of the token legend). */
    String tokenType() default "";

    /** What a reviewer should ask at the rule's sites (review checklists); empty: the generic questions. */
    String[] checklist() default {};

    /** What review makes of the rule's findings; a rule that says nothing has its findings listed as gaps. */
    ReviewRole review() default ReviewRole.GAP;

    /**
     * Whether `unsafe` is written at the rule's sites (blocks, fns, impls, traits, extern blocks,
     * attributes): the "unsafe sites" that the reports and the editor's status bar count. The other
     * inventory rules find safe code, or code inside these places.
     */
    boolean unsafeSite() default false;

    /** The text that documents one of the rule's sites, whose coverage the reports show; NONE: nothing does. */
    SafetyText documentedBy() default SafetyText.NONE;

    /** On a guideline rule: the text whose absence it reports, so the reports' coverage can read its findings. */
    SafetyText reportsMissing() default SafetyText.NONE;

    /**
     * Whether the rule's sites are safe code that makes raw pointers (a cast, a raw borrow): the
     * reports name them apart from the unsafe code.
     */
    boolean safeCode() default false;

    /**
     * Whether the HTML report's card of one of the rule's sites lists the unsafe operations inside
     * its span (an unsafe block does; a cast does not: what it converts is its block's business).
     */
    boolean holdsOperations() default true;

    /**
     * Whether the rule's column is one of the few that the narrow crate tables show (text and
     * Markdown; the dependency table shows those of them that are unsafe sites).
     */
    boolean narrowColumn() default false;

    enum Category { INVENTORY, OPERATION, GUIDELINE }

    /** What documents an unsafe site, in the order the reports name them. */
    enum SafetyText {
        /** A `// SAFETY:` comment above a block or impl says why it is sound. */
        COMMENT,
        /** A `# Safety` section of a fn's or trait's docs says what callers and implementors must uphold. */
        SAFETY_SECTION,
        /** Nothing is expected to document the site. */
        NONE
    }

    /** How a rule's findings enter a review (the sites it checks and the checklists it writes). */
    enum ReviewRole {
        /** A finding inside a site is a gap the site's checklist lists with its message. */
        GAP,
        /** The checklist makes the finding's point itself, with more detail: no gap is listed for it. */
        COVERED,
        /** Each finding is a review site, fingerprinted by the fn or item around it (an unsafe block). */
        SITE,
        /** Each finding is a review site that is an item of its own (an unsafe fn, impl, static, ...). */
        ITEM_SITE;

        /** Whether the rule's findings are review sites. */
        public boolean isSite() {
            return this == SITE || this == ITEM_SITE;
        }
    }
}
