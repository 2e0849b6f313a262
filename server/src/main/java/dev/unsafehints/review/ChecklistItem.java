package dev.unsafehints.review;

import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import java.util.List;

/**
 * One line of a site's review checklist.
 *
 * @param level 0 for a top-level point, 1 for a point under the one before (an obligation of an operation)
 * @param mark  what the reviewer has to do with it
 * @param text  the point, in Markdown-light (backticks for code)
 * @param quote text quoted for it (the callee's {@code # Safety} section, the SAFETY comment), line by line
 * @param range where in the file it applies (an operation), or null
 * @param start the start of {@code range} (0-based line and UTF-16 column), or null
 */
public record ChecklistItem(int level, Mark mark, String text, List<String> quote, TextRange range, TextPosition start) {
    /** What the reviewer does with a point. */
    public enum Mark {
        /** An obligation the reviewer must see argued (and check the argument). */
        ARGUE,
        /** Something the tool sees missing: no SAFETY comment, an obligation it does not mention, safe code inside. */
        GAP,
        /** Something the tool sees in place (a SAFETY comment, a `# Safety` section). */
        OK,
        /** Context: what an operation is, where a pointer comes from. */
        INFO
    }

    public ChecklistItem {
        quote = List.copyOf(quote);
    }

    static ChecklistItem of(int level, Mark mark, String text) {
        return new ChecklistItem(level, mark, text, List.of(), null, null);
    }
}
