package dev.unsafehints.analysis;

import java.util.Locale;

/**
 * How loudly a finding is reported. {@link #OFF} disables a rule. One vocabulary for users, in
 * every setting and report: {@code error}, {@code warning}, {@code note}, {@code hint}, {@code off}
 * ({@link #label()}); {@link #parse} also takes the aliases (LSP's {@code information}, rustc's
 * lint levels). {@link #INFO} is a note (the editor's "information"); SARIF, which has no hint,
 * reports a hint as a note.
 */
public enum Severity {
    ERROR, WARNING, INFO, HINT, OFF;

    /** The names {@link #parse} accepts for each level, in the order of {@link #values()}: the label first. */
    public static final String VOCABULARY = "error, warning, note, hint or off";

    /**
     * Parses the spellings users write: error (deny, forbid), warning (warn), note (info,
     * information), hint, off (allow, none).
     */
    public static Severity parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error": case "deny": case "forbid": return ERROR;
            case "warning": case "warn": return WARNING;
            case "note": case "information": case "info": return INFO;
            case "hint": return HINT;
            case "off": case "allow": case "none": return OFF;
            default: throw new IllegalArgumentException("unknown level '" + text + "' (expected " + VOCABULARY + ")");
        }
    }

    /** The one name printed for the level: error, warning, note, hint or off. */
    public String label() {
        return this == INFO ? "note" : name().toLowerCase(Locale.ROOT);
    }
}
