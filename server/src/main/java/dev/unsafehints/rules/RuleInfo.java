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

    enum Category { INVENTORY, OPERATION, GUIDELINE }

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
