package dev.unsafehints.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleDocs;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule of the catalogue with its
 * document as help, one result per reported site with a {@code %SRCROOT%}-relative URI, 1-based
 * UTF-16 columns ({@code columnKind}), GitHub's line hash and our own site fingerprint. Syntax errors
 * and skipped files become tool execution notifications.
 */
public final class SarifReportWriter implements ReportWriter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";

    @Override
    public void write(ReportModel model, Writer out) throws IOException {
        List<RuleDescriptor> rules = new ArrayList<>(RuleCatalog.all());
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        // A result must point at a rule; one from outside the catalogue (a plug-in, a test) gets a plain entry.
        for (Site s : model.reportedSites()) {
            if (!ruleIndex.containsKey(s.ruleId())) {
                ruleIndex.put(s.ruleId(), rules.size());
                rules.add(new RuleDescriptor(s.ruleId(), s.ruleId(), s.severity(), s.category(), List.of(), null));
            }
        }
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        writeTool(g, model.tool(), rules);
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", model.scan().automationId());
        g.writeEndObject();
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart(SRCROOT);
        g.writeStringField("uri", model.scan().baseUri());
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("columnKind", "utf16CodeUnits");
        writeInvocation(g, model);
        g.writeArrayFieldStart("results");
        for (Site s : model.reportedSites()) {
            writeResult(g, s, ruleIndex.get(s.ruleId()));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    private static void writeTool(JsonGenerator g, ToolInfo tool, List<RuleDescriptor> rules) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", tool.name());
        g.writeStringField("version", tool.version());
        g.writeStringField("semanticVersion", tool.version());
        g.writeStringField("informationUri", tool.informationUri());
        g.writeArrayFieldStart("rules");
        for (RuleDescriptor r : rules) {
            writeRule(g, r);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeRule(JsonGenerator g, RuleDescriptor r) throws IOException {
        String doc = RuleDocs.markdown(r.id()).orElse(r.title());
        String whatItFinds = RuleDocs.section(r.id(), "What it finds");
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", pascalCase(r.id()));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", sentence(r.title()));
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", sentence(whatItFinds.isEmpty() ? r.title() : plain(whatItFinds)));
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", doc);
        g.writeStringField("markdown", doc);
        g.writeEndObject();
        g.writeStringField("helpUri", RuleDocs.url(r.id()));
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", Levels.sarifLevel(r.defaultSeverity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString(r.category().name().toLowerCase(Locale.ROOT));
        for (String tag : r.tags()) {
            if (!tag.equalsIgnoreCase(r.category().name())) {
                g.writeString(tag);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeInvocation(JsonGenerator g, ReportModel model) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", !model.scan().internalErrors());
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (FileReport f : model.files()) {
            for (SyntaxIssue e : f.syntaxErrors()) {
                g.writeStartObject();
                g.writeStringField("level", "error");
                g.writeObjectFieldStart("message");
                g.writeStringField("text", sentence("Syntax error: " + e.message()));
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                writePhysicalLocation(g, f.path(), e.span());
                g.writeEndObject();
                g.writeEndArray();
                g.writeObjectFieldStart("descriptor");
                g.writeStringField("id", "syntax-error");
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        for (SkippedFile s : model.skipped()) {
            g.writeStartObject();
            g.writeStringField("level", s.reason() == SkippedFile.Reason.INTERNAL_ERROR ? "error" : "warning");
            g.writeObjectFieldStart("message");
            g.writeStringField("text", sentence("Skipped " + s.path() + ": " + s.message()));
            g.writeEndObject();
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            writeArtifact(g, s.path());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("descriptor");
            g.writeStringField("id", "skipped-file");
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeStringField("reason", s.reason().id());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void writeResult(JsonGenerator g, Site s, Integer ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", s.ruleId());
        if (ruleIndex != null) {
            g.writeNumberField("ruleIndex", ruleIndex);
        }
        g.writeStringField("level", s.level());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", sentence(s.message()));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        writePhysicalLocation(g, s.path(), s.span());
        g.writeEndObject();
        g.writeEndArray();
        if (!s.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (RelatedSite r : s.related()) {
                g.writeStartObject();
                g.writeNumberField("id", id++);
                writePhysicalLocation(g, r.path(), r.span());
                g.writeObjectFieldStart("message");
                g.writeStringField("text", sentence(r.message() == null || r.message().isBlank() ? "Related location" : r.message()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("partialFingerprints");
        if (!s.lineHash().isEmpty()) {
            g.writeStringField("primaryLocationLineHash", s.lineHash());
        }
        g.writeStringField(SiteFingerprint.SARIF_KEY, s.fingerprint());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("itemPath", s.itemPath());
        g.writeArrayFieldStart("cfg");
        for (String c : s.cfg()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeBooleanField("testOnly", s.testOnly());
        for (Map.Entry<String, String> p : new TreeMap<>(s.properties()).entrySet()) {
            if (!p.getKey().equals("cfg") && !p.getKey().equals("itemPath") && !p.getKey().equals("testOnly")) {
                g.writeStringField(p.getKey(), p.getValue());
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writePhysicalLocation(JsonGenerator g, String path, Span span) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        writeArtifact(g, path);
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", span.startLine());
        g.writeNumberField("startColumn", span.startColumn());
        g.writeNumberField("endLine", span.endLine());
        g.writeNumberField("endColumn", span.endColumn());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeArtifact(JsonGenerator g, String path) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        if (path.startsWith("/")) {
            g.writeStringField("uri", fileUri(path));
        } else {
            g.writeStringField("uri", relativeUri(path));
            g.writeStringField("uriBaseId", SRCROOT);
        }
        g.writeEndObject();
    }

    /** A relative URI reference for a report path: each segment percent-encoded where needed. */
    static String relativeUri(String path) {
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

    private static String fileUri(String absolutePath) {
        return java.nio.file.Path.of(absolutePath).toUri().toASCIIString();
    }

    /** SARIF messages are sentences: end with a full stop when they do not already end with punctuation. */
    static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }

    /** Markdown to plain text, good enough for a one-paragraph description: drops code ticks and emphasis. */
    static String plain(String markdown) {
        return markdown.replace("`", "").replace("**", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * The rule's SARIF name: its id in PascalCase ({@code UnsafeBlock}). SARIF wants the name to differ
     * from the opaque id, so a one-word id gets a suffix ({@code union} becomes {@code UnionItem}).
     */
    static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("[-_]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString().equalsIgnoreCase(id) ? sb + "Item" : sb.toString();
    }
}
