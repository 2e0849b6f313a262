package dev.unsafehints.analysis;

/** A syntax error the parser reported and recovered from, with its position in the file. */
public record SyntaxProblem(TextRange range, String message) {
}
