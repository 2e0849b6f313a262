package dev.unsafehints.review;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review as SARIF 2.1.0, holding only the changed sites, so that a code-scanning upload shows
 * them on the lines of the pull request's diff. One result per site: rule = the site's kind,
 * level {@code warning} while it needs review and {@code note} once reviewed (then with an
 * external, accepted suppression carrying the reviewer's note), the checklist in the message,
 * a {@code %SRCROOT%}-relative URI and 1-based lines and UTF-16 columns.
 *
 * <p>A small writer of its own: the scan's SARIF writer (package {@code report}) describes a whole
 * scan; once both are on one branch, the rule entries could be shared.
 */
public final class ReviewSarifWriter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    /** The key under which results carry the site hash in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "unsafeHintsReviewSite/v1";

    private final String toolVersion;

    public ReviewSarifWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void write(ReviewReport report, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (ReviewedSite s : report.sites()) {
            ruleIndex.putIfAbsent(s.kind(), ruleIndex.size());
        }
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "unsafe-hints");
        g.writeStringField("version", toolVersion);
        g.writeStringField("semanticVersion", toolVersion);
        g.writeStringField("informationUri", "https://github.com/unsafe-hints/unsafe-hints");
        g.writeArrayFieldStart("rules");
        for (String kind : ruleIndex.keySet()) {
            rule(g, kind);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("automationDetails");
        g.writeStringField("id", "unsafe-hints/review/");
        g.writeEndObject();
        g.writeObjectFieldStart("originalUriBaseIds");
        g.writeObjectFieldStart(SRCROOT);
        g.writeStringField("uri", report.root().toUri().toASCIIString());
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("columnKind", "utf16CodeUnits");
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (String n : report.notes()) {
            g.writeStartObject();
            g.writeStringField("level", "warning");
            g.writeObjectFieldStart("message");
            g.writeStringField("text", sentence(n));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("results");
        for (ReviewedSite s : report.sites()) {
            result(g, s, ruleIndex.get(s.kind()));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
    }

    private static void rule(JsonGenerator g, String kind) throws IOException {
        RuleDescriptor descriptor = RuleCatalog.byId(kind).orElse(null);
        String title = descriptor == null ? kind : descriptor.title();
        String what = RuleDocs.section(kind, "What it finds");
        String doc = RuleDocs.markdown(kind).orElse(title);
        g.writeStartObject();
        g.writeStringField("id", kind);
        g.writeStringField("name", "Review" + pascal(kind));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", sentence("Changed " + title));
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", sentence(what.isEmpty() ? title : what.replace("`", "").replaceAll("\\s+", " ")));
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", doc);
        g.writeStringField("markdown", doc);
        g.writeEndObject();
        g.writeStringField("helpUri", RuleDocs.url(kind));
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", "warning");
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("unsafe");
        g.writeString("review");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, ReviewedSite s, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", s.kind());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", s.needsReview() ? "warning" : "note");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", message(s));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", relativeUri(s.file()));
        g.writeStringField("uriBaseId", SRCROOT);
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", s.start().line() + 1);
        g.writeNumberField("startColumn", s.start().column() + 1);
        g.writeNumberField("endLine", s.end().line() + 1);
        g.writeNumberField("endColumn", s.end().column() + 1);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, s.siteHash());
        g.writeEndObject();
        if (s.status() == ReviewedSite.Status.REVIEWED && s.approval() != null) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", "Reviewed by " + s.approval().by() + " on " + s.approval().date() + ": "
                    + s.approval().note());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("siteId", s.siteId());
        g.writeStringField("item", s.itemPath());
        g.writeStringField("itemFingerprint", s.itemFingerprint());
        g.writeStringField("change", s.change().name().toLowerCase());
        g.writeStringField("reviewStatus", s.status().name().toLowerCase());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A first line saying what and where, then the checklist, one point per line. */
    static String message(ReviewedSite s) {
        List<String> lines = new ArrayList<>();
        String status = switch (s.status()) {
            case REVIEWED -> "reviewed by " + s.approval().by();
            case STALE -> "stale: approved by " + s.approval().by() + " before its item changed";
            case UNREVIEWED -> "not reviewed yet";
        };
        lines.add((s.change() == ReviewedSite.Change.ADDED ? "New " : "Changed ") + s.kind() + " in " + s.itemPath()
                + " (" + status + "; site " + s.siteId() + ").");
        for (ChecklistItem item : s.checklist()) {
            String prefix = "  ".repeat(item.level()) + switch (item.mark()) {
                case ARGUE -> "[ ] ";
                case GAP -> "[!] ";
                case OK -> "[x] ";
                case INFO -> "- ";
            };
            lines.add(prefix + item.text());
            for (String q : item.quote()) {
                lines.add("  ".repeat(item.level()) + "    > " + q);
            }
        }
        return String.join("\n", lines);
    }

    static String relativeUri(String path) {
        try {
            String uri = new URI(null, null, path, null).toASCIIString();
            int colon = uri.indexOf(':');
            int slash = uri.indexOf('/');
            return colon >= 0 && (slash < 0 || colon < slash) ? "./" + uri : uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express " + path + " as a URI", e);
        }
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private static String pascal(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
