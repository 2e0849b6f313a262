package dev.unsafehints.analysis;

/** Replace the text of {@code range} with {@code newText}; an empty range inserts. */
public record TextEdit(TextRange range, String newText) {
}
