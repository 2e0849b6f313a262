package dev.unsafehints.lsp;

import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Applies {@code didChange} content changes to a document's text. Positions are UTF-16 code units
 * (Java string indices), lines end at LF, CRLF or CR. Out-of-range positions are clamped as the
 * specification says: a character past the end of its line means the line's end, a line past the
 * end of the document means the document's end.
 */
public final class DocumentText {
    private DocumentText() {
    }

    /** The text after applying the changes in order; a change without a range replaces everything. */
    public static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
        String current = text;
        for (TextDocumentContentChangeEvent change : changes) {
            current = apply(current, change.getRange(), change.getText());
        }
        return current;
    }

    public static String apply(String text, Range range, String newText) {
        String replacement = newText == null ? "" : newText;
        if (range == null) {
            return replacement;
        }
        SourceText source = new SourceText(text);
        int start = offset(source, range.getStart().getLine(), range.getStart().getCharacter());
        int end = offset(source, range.getEnd().getLine(), range.getEnd().getCharacter());
        if (end < start) { // a reversed range: take it as the span between the two positions
            int t = start;
            start = end;
            end = t;
        }
        return new StringBuilder(text.length() - (end - start) + replacement.length())
                .append(text, 0, start).append(replacement).append(text, end, text.length()).toString();
    }

    private static int offset(SourceText source, int line, int character) {
        return source.offsetAt(new TextPosition(line, character));
    }
}
