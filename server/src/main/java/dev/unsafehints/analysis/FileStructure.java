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
     * An unsafe block ({@code block}) or unsafe function, whether it is documented, and for a block
     * where its covering SAFETY comment is (null when none; see {@link SafetyComments#text}).
     */
    public record CountedSite(boolean block, int start, boolean documented, TextRange safetyComment) {
        /** This site with its offsets mapped through an edit. */
        public CountedSite moved(java.util.function.IntUnaryOperator offset, java.util.function.IntUnaryOperator end) {
            return new CountedSite(block, offset.applyAsInt(start), documented, safetyComment == null ? null
                    : new TextRange(offset.applyAsInt(safetyComment.start()), end.applyAsInt(safetyComment.end())));
        }
    }
}
