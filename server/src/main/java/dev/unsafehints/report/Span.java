package dev.unsafehints.report;

/**
 * A region in report coordinates: 1-based lines, 1-based columns in UTF-16 code units, end column
 * exclusive (the column just after the last character), as SARIF defines regions.
 */
public record Span(int startLine, int startColumn, int endLine, int endColumn) {
    public String startText() {
        return startLine + ":" + startColumn;
    }
}
