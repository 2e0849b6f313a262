package dev.unsafehints.review;

import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import java.nio.file.Path;
import java.util.List;

/**
 * One unsafe site a change touches, with what a reviewer must check. Protocol-free: the command
 * line, the report formats and the language server all present these.
 *
 * @param file            relative to the repository root, {@code /}-separated
 * @param path            the absolute path of the file in the working tree
 * @param kind            the site's kind: an inventory rule id ({@code unsafe-block}, {@code unsafe-fn}, ...)
 * @param range           UTF-16 offsets into the working-tree text
 * @param start           0-based line and UTF-16 column of the range's start
 * @param end             0-based line and UTF-16 column of the range's end
 * @param siteId          {@code file:item-name:kind#n}, unique in the working tree, for {@code --approve}
 * @param siteHash        16 hex digits identifying the site (item fingerprint, kind, number); a prefix works for {@code --approve}
 * @param itemPath        the enclosing item path, e.g. {@code raw::impl Foo::fn bar}
 * @param itemFingerprint the enclosing item's fingerprint
 * @param ordinal         the site's number among its item's sites of the same kind, from 1
 * @param change          how the change touches it
 * @param status          its standing in the review ledger
 * @param approval        the approval that holds ({@link Status#REVIEWED}) or held ({@link Status#STALE}), or null
 * @param excerpt         the first source line of the site, trimmed
 * @param checklist       what to check, in order
 */
public record ReviewedSite(String file, Path path, String kind, TextRange range, TextPosition start, TextPosition end,
                           String siteId, String siteHash, String itemPath, String itemFingerprint, int ordinal,
                           Change change, Status status, Approval approval, String excerpt,
                           List<ChecklistItem> checklist) {
    /** How a change touches a site. */
    public enum Change {
        /** Its item did not exist in the base (a new item, or one renamed or moved to another module). */
        ADDED,
        /** Its item existed in the base and its code changed (the unsafe code or the safe code around it). */
        CHANGED,
        /** Unchanged relative to the base, but its approval in the ledger is stale. */
        UNCHANGED
    }

    /** Its standing in the review ledger. */
    public enum Status {
        UNREVIEWED, REVIEWED, STALE
    }

    public ReviewedSite {
        checklist = List.copyOf(checklist);
    }

    /** Whether this site blocks {@code --fail-on-unreviewed}. */
    public boolean needsReview() {
        return status != Status.REVIEWED;
    }

    /** {@code line:column}, 1-based, as editors and compilers print it. */
    public String position() {
        return (start.line() + 1) + ":" + (start.column() + 1);
    }
}
