package dev.unsafehints.report;

/**
 * A file the scan could not analyze, with why. Every report format lists these, so nothing is
 * silently lost.
 */
public record SkippedFile(String path, Reason reason, String detail) {
    /** Why a file was skipped; {@link #id()} is the stable spelling used in JSON and SARIF. */
    public enum Reason {
        TOO_LARGE("too-large"),
        NOT_UTF8("not-utf8"),
        BINARY("binary"),
        UNREADABLE("unreadable"),
        TIMED_OUT("timed-out"),
        NOT_RUST("not-rust"),
        LINK_OUTSIDE("link-outside"),
        INTERNAL_ERROR("internal-error");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The sentence shown to users, e.g. "not valid UTF-8 at byte 12". */
    public String message() {
        return detail;
    }
}
