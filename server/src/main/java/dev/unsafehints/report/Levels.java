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

    /** Higher is louder: error 3, warning 2, note 1, off 0. */
    public static int rank(Severity severity) {
        return switch (severity) {
            case ERROR -> 3;
            case WARNING -> 2;
            case INFO, HINT -> 1;
            case OFF -> 0;
        };
    }
}
