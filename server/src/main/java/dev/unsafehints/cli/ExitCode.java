package dev.unsafehints.cli;

/**
 * The exit codes of {@code unsafe-hints scan}, for CI scripts. A usage error is what picocli
 * reports for bad options too.
 */
public enum ExitCode {
    /** No reported finding reached {@code --fail-on}, and no more than {@code --max-new} are new. */
    CLEAN(0),
    /** Findings at or above {@code --fail-on}, or more new findings than {@code --max-new}. */
    FINDINGS(1),
    /** Bad options or arguments: a path that does not exist, an unreadable baseline, ... */
    USAGE(2),
    /** The report could not be written, or the analysis failed internally on some file. */
    ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
