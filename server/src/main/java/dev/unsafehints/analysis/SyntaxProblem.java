package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;

/** A syntax error the parser reported and recovered from, with its position in the file. */
public record SyntaxProblem(TextRange range, String message) {
}
