package dev.unsafehints.text;

/**
 * A half-open range of a file's text in UTF-16 code units (Java {@code String} indices),
 * which is also what LSP counts in. Line and column are derived through {@link SourceText}.
 */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public boolean contains(TextRange other) {
        return other.start >= start && other.end <= end;
    }

    public boolean intersects(TextRange other) {
        return other.start < end && start < other.end;
    }

    public int length() {
        return end - start;
    }
}
