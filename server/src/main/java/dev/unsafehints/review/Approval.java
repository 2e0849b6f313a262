package dev.unsafehints.review;

/**
 * One entry of the review ledger: who looked at which unsafe site, with which argument, when the
 * item around it had which fingerprint.
 *
 * @param site        the site id when it was approved ({@code src/lib.rs:Foo::bar:unsafe-block#1})
 * @param file        the file, relative to the repository root, {@code /}-separated
 * @param item        the enclosing item path ({@code impl Foo::fn bar})
 * @param kind        the site kind (an inventory rule id such as {@code unsafe-block})
 * @param ordinal     the site's number among the item's sites of that kind, from 1
 * @param fingerprint the item's fingerprint when it was approved ({@link ItemFingerprint#hash()})
 * @param by          who reviewed it
 * @param date        the day of the approval (ISO {@code yyyy-mm-dd})
 * @param commit      the HEAD commit when it was approved (abbreviated), or empty
 * @param note        the reviewer's argument for why the site is sound
 */
public record Approval(String site, String file, String item, String kind, int ordinal, String fingerprint,
                       String by, String date, String commit, String note) {
    /** Whether this approval still holds for a site: same item fingerprint, same kind, same place in the item. */
    public boolean holdsFor(String itemFingerprint, String siteKind, int siteOrdinal) {
        return fingerprint.equals(itemFingerprint) && kind.equals(siteKind) && ordinal == siteOrdinal;
    }

    /** Whether this approval was for the site at this place (file, item path, kind, number), whatever its fingerprint. */
    public boolean sameSlot(String siteFile, String itemPath, String siteKind, int siteOrdinal) {
        return file.equals(siteFile) && item.equals(itemPath) && kind.equals(siteKind) && ordinal == siteOrdinal;
    }
}
