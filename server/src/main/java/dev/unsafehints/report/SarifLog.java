package dev.unsafehints.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.unsafehints.rules.RuleDocs;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The parts of a SARIF 2.1.0 log that the scan's report ({@link SarifReportWriter}) and the review
 * ({@code review.ReviewSarifWriter}) write alike: the log with its one run, the tool and its rules,
 * the `%SRCROOT%` base and UTF-16 columns, locations, and the text conventions (messages are
 * sentences, rule names PascalCase).
 */
public final class SarifLog {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    public static final String TOOL_URI = "https://github.com/unsafe-hints/unsafe-hints";

    /** A rule as SARIF describes it; {@code help} is the rule's Markdown document. */
    public record Rule(String id, String name, String shortDescription, String fullDescription, String help,
                       String level, List<String> tags) {
    }

    private SarifLog() {
    }

    /** Starts the log and its one run; the caller writes the run's members, then calls {@link #end}. */
    public static JsonGenerator begin(Writer out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        return g;
    }

    /** Ends the run and the log. */
    public static void end(JsonGenerator g, Writer out) throws IOException {
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
    }

    /** The run's tool, with {@code rules} in the order results index them. */
    public static void tool(JsonGenerator g, String name, String version, String informationUri, List<Rule> rules)
            throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", name);
        g.writeStringField("version", version);
        g.writeStringField("semanticVersion", version);
        g.writeStringField("informationUri", informationUri);
        g.writeArrayFieldStart("rules");
        for (Rule r : rules) {
            rule(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void rule(JsonGenerator g, Rule r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", r.name());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", sentence(r.shortDescription()));
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", sentence(r.fullDescription()));
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", r.help());
        g.writeStringField("markdown", r.help());
        g.writeEndObject();
        g.writeStringField("helpUri", RuleDocs.url(r.id()));
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", r.level());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        for (String tag : r.tags()) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * What the run's locations mean: an automation id (GitHub keeps one analysis per id), the
     * folder `%SRCROOT%` stands for, and columns in UTF-16 code units.
     */
    public static void base(JsonGenerator g, String automationId, String baseUri) throws IOException {
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", automationId);
        g.writeEndObject();
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart(SRCROOT);
        g.writeStringField("uri", baseUri);
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("columnKind", "utf16CodeUnits");
    }

    /** A {@code physicalLocation} member: the file and, with 1-based lines and columns, the region. */
    public static void physicalLocation(JsonGenerator g, String path, int startLine, int startColumn, int endLine,
                                        int endColumn) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        artifact(g, path);
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", startLine);
        g.writeNumberField("startColumn", startColumn);
        g.writeNumberField("endLine", endLine);
        g.writeNumberField("endColumn", endColumn);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** An {@code artifactLocation} member: relative to `%SRCROOT%`, or a file URI for an absolute path. */
    public static void artifact(JsonGenerator g, String path) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        if (path.startsWith("/")) {
            g.writeStringField("uri", java.nio.file.Path.of(path).toUri().toASCIIString());
        } else {
            g.writeStringField("uri", relativeUri(path));
            g.writeStringField("uriBaseId", SRCROOT);
        }
        g.writeEndObject();
    }

    /** A {@code message} member whose text is a sentence. */
    public static void message(JsonGenerator g, String text) throws IOException {
        g.writeObjectFieldStart("message");
        g.writeStringField("text", sentence(text));
        g.writeEndObject();
    }

    /** A relative URI reference for a report path: each segment percent-encoded where needed. */
    public static String relativeUri(String path) {
        try {
            String uri = new URI(null, null, path, null).toASCIIString();
            int colon = uri.indexOf(':');
            int slash = uri.indexOf('/');
            if (colon >= 0 && (slash < 0 || colon < slash)) {
                uri = "./" + uri; // "a:b.rs" would read as a URI with scheme "a"
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express " + path + " as a URI", e);
        }
    }

    /** SARIF messages are sentences: end with a full stop when they do not already end with punctuation. */
    public static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }

    /**
     * A rule's SARIF name: its id in PascalCase ({@code UnsafeBlock}). SARIF wants the name to differ
     * from the opaque id, so a one-word id gets a suffix ({@code union} becomes {@code UnionItem}).
     */
    public static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[-_]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString().equalsIgnoreCase(id) ? sb + "Item" : sb.toString();
    }

    /** Markdown to plain text, good enough for a one-paragraph description: drops code ticks and emphasis. */
    public static String plain(String markdown) {
        return markdown.replace("`", "").replace("**", "").replaceAll("\\s+", " ").strip();
    }
}
