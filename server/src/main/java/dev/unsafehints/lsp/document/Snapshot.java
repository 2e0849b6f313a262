package dev.unsafehints.lsp.document;

import java.nio.file.Path;

/**
 * One document version to analyse. {@code generation} counts settings changes, so an analysis made
 * under old settings is told apart from one of the same version under new settings.
 */
public record Snapshot(String uri, Path path, int version, String text, long generation) {
}
