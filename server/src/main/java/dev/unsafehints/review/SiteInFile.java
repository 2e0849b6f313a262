package dev.unsafehints.review;

import dev.unsafehints.text.TextPosition;
import java.nio.file.Path;

/**
 * One unsafe site of a working-tree file, named as an editor knows it: by the id or hash that
 * review lists, or by a position inside the site (the cursor). An editor approves sites of the
 * file in front of the reviewer, changed or not, so this needs no base revision.
 *
 * @param file     the file on disk, inside a git working tree
 * @param idOrHash a site id ({@code src/lib.rs:fn f:unsafe-block#1}) or a prefix of its hash, or null
 * @param at       0-based line and UTF-16 column inside the site, or null; the innermost site holding it wins
 */
public record SiteInFile(Path file, String idOrHash, TextPosition at) {
    public SiteInFile {
        if ((idOrHash == null || idOrHash.isBlank()) == (at == null)) {
            throw new IllegalArgumentException("name the site by its id or hash, or by a position, not both");
        }
    }
}
