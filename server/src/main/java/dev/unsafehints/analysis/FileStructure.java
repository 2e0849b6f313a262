package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;
import java.util.List;

/**
 * What re-analysing an edit of a file needs to know of its last analysis (see
 * {@code engine.Analyzer.analyzeEdit}): where its function bodies are, and the unsafe blocks and unsafe
 * functions its summary counts.
 *
 * @param bodies  the `{` offset and the offset just after the `}` of every function body, in pairs (UTF-16)
 * @param counted the unsafe blocks and unsafe functions, by start offset
 */
public record FileStructure(int[] bodies, List<CountedSite> counted) {
    public static final FileStructure NONE = new FileStructure(new int[0], List.of());

    public FileStructure {
        counted = List.copyOf(counted);
    }

    /**
     * An unsafe block ({@code block}) or unsafe function, whether it is documented, for a block where
     * its covering SAFETY comment is (null when none; see {@link SafetyComments#text}), and for a
     * function the words of its {@code # Safety} section as the rules read its docs (null when none;
     * {@code parse.SafetyDocs.safetySection}), so that the hover quotes what the rules judged.
     */
    public record CountedSite(boolean block, int start, boolean documented, TextRange safetyComment,
                              String safetySection) {
        /** A block, with where its SAFETY comment is. */
        public static CountedSite block(int start, boolean documented, TextRange safetyComment) {
            return new CountedSite(true, start, documented, safetyComment, null);
        }

        /** An unsafe fn starting at {@code start} (its item, visibility included), with its `# Safety` words. */
        public static CountedSite function(int start, boolean documented, String safetySection) {
            return new CountedSite(false, start, documented, null,
                    safetySection == null || safetySection.isEmpty() ? null : safetySection);
        }

        /** This site with its offsets mapped through an edit (a section's words do not move). */
        public CountedSite moved(java.util.function.IntUnaryOperator offset, java.util.function.IntUnaryOperator end) {
            return new CountedSite(block, offset.applyAsInt(start), documented, safetyComment == null ? null
                    : new TextRange(offset.applyAsInt(safetyComment.start()), end.applyAsInt(safetyComment.end())),
                    safetySection);
        }
    }
}
