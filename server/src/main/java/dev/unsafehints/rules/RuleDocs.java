package dev.unsafehints.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Markdown document of each rule, {@code /dev/unsafehints/rules/docs/<id>.md} in the jar (source:
 * {@code server/src/main/resources/dev/unsafehints/rules/docs/}). Hover text, SARIF help, the
 * {@code explain} command and the HTML report all read it from here.
 *
 * <p>Documents have fixed headings: a title line, then "## What it finds", "## Why it matters",
 * "## What to do", "## Example".
 */
public final class RuleDocs {
    /** Where the documents are published; the one place a docs link is built. */
    public static final String BASE_URL =
            "https://github.com/unsafe-hints/unsafe-hints/blob/main/server/src/main/resources/dev/unsafehints/rules/docs/";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private RuleDocs() {
    }

    public static String url(String ruleId) {
        return BASE_URL + ruleId + ".md";
    }

    /** The whole document, if the rule has one. */
    public static Optional<String> markdown(String ruleId) {
        String cached = CACHE.computeIfAbsent(ruleId, RuleDocs::load);
        return cached.isEmpty() ? Optional.empty() : Optional.of(cached);
    }

    /** The document's first paragraph after its title: what the rule is about, in a sentence or two. */
    public static String lead(String ruleId) {
        String doc = markdown(ruleId).orElse("");
        int title = doc.indexOf('\n');
        if (!doc.startsWith("# ") || title < 0) {
            return "";
        }
        String rest = doc.substring(title).strip();
        if (rest.startsWith("#")) {
            return "";
        }
        int end = rest.indexOf("\n\n");
        return (end < 0 ? rest : rest.substring(0, end)).strip();
    }

    /** The text under one "## heading" of the document, trimmed, or empty. */
    public static String section(String ruleId, String heading) {
        String doc = markdown(ruleId).orElse("");
        String marker = "## " + heading;
        int start = doc.indexOf(marker);
        if (start < 0) {
            return "";
        }
        start = doc.indexOf('\n', start);
        if (start < 0) {
            return "";
        }
        int end = doc.indexOf("\n## ", start);
        return (end < 0 ? doc.substring(start) : doc.substring(start, end)).trim();
    }

    private static String load(String ruleId) {
        try (InputStream in = RuleDocs.class.getResourceAsStream("docs/" + ruleId + ".md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
