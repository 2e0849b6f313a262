package dev.unsafehints.text;

/**
 * A zero-based line and a zero-based column counted in UTF-16 code units, as LSP counts.
 * Report writers that need 1-based numbers (SARIF, text) add one themselves.
 */
public record TextPosition(int line, int column) implements Comparable<TextPosition> {
    @Override
    public int compareTo(TextPosition o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }
}
