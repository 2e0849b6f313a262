package dev.unsafehints.review;

import java.nio.file.Path;

/**
 * What to review.
 *
 * @param path   a folder or file inside the repository's working tree; only Rust files under it are reviewed
 * @param since  the base revision ({@code main}, {@code HEAD~3}, a commit id), or null for the merge base of
 *               HEAD with the default branch (origin/HEAD, else main, else master)
 * @param ledger the review ledger file, or null for {@code unsafe-review.toml} at the repository root
 * @param deps   also review the dependencies whose version {@code Cargo.lock} changes ({@code review --deps})
 */
public record ReviewRequest(Path path, String since, Path ledger, boolean deps) {
    public ReviewRequest(Path path, String since, Path ledger) {
        this(path, since, ledger, false);
    }

    public static ReviewRequest of(Path path, String since) {
        return new ReviewRequest(path, since, null);
    }
}
