package dev.unsafehints.text;

/** Replace the text of {@code range} with {@code newText}; an empty range inserts. */
public record TextEdit(TextRange range, String newText) {
}
