package dev.unsafehints.report;

/** A syntax error the parser recovered from, in report coordinates. */
public record SyntaxIssue(Span span, String message) {
}
