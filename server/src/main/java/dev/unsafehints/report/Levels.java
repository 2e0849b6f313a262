package dev.unsafehints.report;

import dev.unsafehints.analysis.Severity;

/** Maps our severities to report levels (SARIF's error, warning, note). */
public final class Levels {
    private Levels() {
    }

    public static String sarifLevel(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, HINT -> "note";
            case OFF -> "none";
        };
    }

    /** Higher is louder: error 4, warning 3, note 2, hint 1, off 0. */
    public static int rank(Severity severity) {
        return switch (severity) {
            case ERROR -> 4;
            case WARNING -> 3;
            case INFO -> 2;
            case HINT -> 1;
            case OFF -> 0;
        };
    }
}
