package dev.unsafehints.text;

import java.util.Arrays;

/**
 * The text of one file with a line index. Offsets are UTF-16 code units. Lines end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, as LSP defines them.
 */
public final class SourceText {
    private final String text;
    private final int[] lineStarts;

    public SourceText(String text) {
        this.text = text;
        this.lineStarts = computeLineStarts(text);
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        int n = text.length();
        boolean lfOnly = text.indexOf('\r') < 0; // the usual case: a fast search for each line break
        for (int i = lfOnly ? text.indexOf('\n') : 0; i >= 0 && i < n; i = lfOnly ? text.indexOf('\n', i + 1) : i + 1) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public String text() {
        return text;
    }

    private String newline; // computed on first use; a race computes the same value twice

    /** The file's line break: CRLF if it uses it, else LF. */
    public String newline() {
        if (newline == null) {
            newline = text.contains("\r\n") ? "\r\n" : "\n";
        }
        return newline;
    }

    public int length() {
        return text.length();
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Zero-based line holding the offset (an offset at a line break belongs to the line it ends). */
    public int lineOf(int offset) {
        int idx = Arrays.binarySearch(lineStarts, clamp(offset));
        return idx >= 0 ? idx : -idx - 2;
    }

    public TextPosition positionAt(int offset) {
        int o = clamp(offset);
        int line = lineOf(o);
        return new TextPosition(line, o - lineStarts[line]);
    }

    /** The offset of a position; a column past the line's end is clamped to the line's end. */
    public int offsetAt(TextPosition position) {
        if (position.line() < 0) {
            return 0;
        }
        if (position.line() >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[position.line()];
        int end = lineEndExcludingBreak(position.line());
        return Math.min(start + Math.max(0, position.column()), end);
    }

    public int lineStart(int line) {
        return lineStarts[line];
    }

    /** Offset just before the line break of the line (or the end of the text). */
    public int lineEndExcludingBreak(int line) {
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        if (end > lineStarts[line] && end <= text.length() && line + 1 < lineStarts.length) {
            end--;
            if (text.charAt(end) == '\n' && end > lineStarts[line] && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    /** The text of a line without its line break. */
    public String lineText(int line) {
        return text.substring(lineStarts[line], lineEndExcludingBreak(line));
    }

    public String slice(TextRange range) {
        return text.substring(clamp(range.start()), clamp(range.end()));
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }
}
