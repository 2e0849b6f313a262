package dev.unsafehints.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole-number option of a rule (at least 0), declared on the rule's class beside its
 * {@link RuleInfo}: the project file and the editor settings find it here, so the rule is its only
 * reader and nothing between the settings and the rule names it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleOption {
    /** The key at the top level of {@code unsafe-hints.toml} (`large-block-threshold`). */
    String key();

    /** The key in the editor's {@code unsafeHints} settings (`largeBlockThreshold`). */
    String editorKey();

    /** The value when no setting gives one. */
    int defaultValue();
}
