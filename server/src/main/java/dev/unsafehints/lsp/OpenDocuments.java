package dev.unsafehints.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents the client has opened, with their current text and version. Changed only on the
 * JSON-RPC thread (notifications arrive in order); read from any thread.
 */
public final class OpenDocuments {
    /** One open document at one version. Immutable; an edit replaces it. */
    public record Document(String uri, String languageId, int version, String text) {
    }

    private final Map<String, Document> byUri = new ConcurrentHashMap<>();

    public Document open(String uri, String languageId, int version, String text) {
        Document doc = new Document(uri, languageId, version, text == null ? "" : text);
        byUri.put(uri, doc);
        return doc;
    }

    public Document replace(Document old, int version, String text) {
        Document doc = new Document(old.uri(), old.languageId(), version, text);
        byUri.put(old.uri(), doc);
        return doc;
    }

    public Optional<Document> get(String uri) {
        return Optional.ofNullable(byUri.get(uri));
    }

    public void close(String uri) {
        byUri.remove(uri);
    }

    public List<Document> all() {
        return new ArrayList<>(byUri.values());
    }

    public int size() {
        return byUri.size();
    }
}
