package dev.unsafehints.analysis;

import java.util.Locale;

/** How loudly a finding is reported. {@link #OFF} disables a rule. */
public enum Severity {
    ERROR, WARNING, INFO, HINT, OFF;

    /** Parses the spellings users write in settings: error, warning/warn, information/info/note, hint, off/allow. */
    public static Severity parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error": case "deny": case "forbid": return ERROR;
            case "warning": case "warn": return WARNING;
            case "information": case "info": case "note": return INFO;
            case "hint": return HINT;
            case "off": case "allow": case "none": return OFF;
            default: throw new IllegalArgumentException("unknown severity '" + text
                    + "' (expected off, hint, information, warning or error)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
