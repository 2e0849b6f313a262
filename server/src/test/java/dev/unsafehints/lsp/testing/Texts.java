package dev.unsafehints.lsp.testing;

import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Positions of snippets in test texts, computed independently of the server (UTF-16, LSP lines). */
public final class Texts {
    private Texts() {
    }

    /** The position where the n-th (0-based) occurrence of {@code needle} starts. */
    public static Position at(String text, String needle, int occurrence) {
        int index = -1;
        for (int i = 0; i <= occurrence; i++) {
            index = text.indexOf(needle, index + 1);
            if (index < 0) {
                throw new IllegalArgumentException("'" + needle + "' occurs fewer than " + (occurrence + 1) + " times");
            }
        }
        return position(text, index);
    }

    public static Position at(String text, String needle) {
        return at(text, needle, 0);
    }

    public static Range rangeOf(String text, String needle, int occurrence) {
        Position start = at(text, needle, occurrence);
        int offset = offset(text, start);
        return new Range(start, position(text, offset + needle.length()));
    }

    public static Range rangeOf(String text, String needle) {
        return rangeOf(text, needle, 0);
    }

    /** Counts lines by hand (LF, CRLF, CR) so the test does not trust the code under test. */
    public static Position position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }

    public static int offset(String text, Position p) {
        return new SourceText(text).offsetAt(new TextPosition(p.getLine(), p.getCharacter()));
    }

    /** Applies LSP text edits (non-overlapping, any order) to a text. */
    public static String applyEdits(String text, java.util.List<? extends org.eclipse.lsp4j.TextEdit> edits) {
        java.util.List<org.eclipse.lsp4j.TextEdit> sorted = new java.util.ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
        String result = text;
        for (org.eclipse.lsp4j.TextEdit e : sorted) {
            int start = offset(result, e.getRange().getStart());
            int end = offset(result, e.getRange().getEnd());
            result = result.substring(0, start) + e.getNewText() + result.substring(end);
        }
        return result;
    }
}
