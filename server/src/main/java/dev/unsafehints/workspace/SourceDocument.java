package dev.unsafehints.workspace;

import java.nio.file.Path;

/** A file to analyze: where it is, its current text (possibly unsaved), and its crate. */
public record SourceDocument(Path path, String text, CrateInfo crate) {
}
