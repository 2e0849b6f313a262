package dev.unsafehints.lsp.document;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Converts between the client's document URIs and file paths. */
public final class DocumentUris {
    private DocumentUris() {
    }

    /** The file a {@code file:} URI names; empty for other schemes (e.g. {@code untitled:}) or bad URIs. */
    public static Optional<Path> toPath(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (!"file".equalsIgnoreCase(parsed.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(parsed).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    public static String toUri(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }

    /** A path to analyse a document under: its file, or a stand-in name for unsaved buffers. */
    public static Path analysisPath(String uri) {
        return toPath(uri).orElseGet(() -> Path.of("untitled.rs"));
    }
}
