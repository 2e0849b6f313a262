package dev.unsafehints.analysis;

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

    /** An unsafe block ({@code block}) or unsafe function, and whether it is documented. */
    public record CountedSite(boolean block, int start, boolean documented) {
    }
}
