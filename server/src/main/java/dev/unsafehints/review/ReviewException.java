package dev.unsafehints.review;

/** Why a review could not be made: the user asked for something impossible, or git or the disk failed. */
public final class ReviewException extends Exception {
    /** Decides the exit code of the command line. */
    public enum Kind {
        /** Bad arguments: not a git repository, an unknown revision, an unknown site id, a malformed ledger. */
        USAGE,
        /** Reading the repository or a file, or writing the ledger, failed. */
        IO
    }

    private final Kind kind;

    public ReviewException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ReviewException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static ReviewException usage(String message) {
        return new ReviewException(Kind.USAGE, message);
    }

    static ReviewException io(String message, Throwable cause) {
        return new ReviewException(Kind.IO, message, cause);
    }
}
