package dev.unsafehints.grammar;

/**
 * A syntax error: 1-based line, 0-based column in code points (as ANTLR counts), the offending
 * token's code point offsets, and a message for a person.
 */
public record SyntaxError(int line, int column, int startIndex, int stopIndex, String message) {
}
