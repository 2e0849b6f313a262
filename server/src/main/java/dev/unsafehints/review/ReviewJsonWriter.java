package dev.unsafehints.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.unsafehints.text.TextPosition;
import java.io.IOException;
import java.io.Writer;

/**
 * The review as JSON for scripts, versioned like the scan's JSON: {@code "schema": "unsafe-hints-review",
 * "schemaVersion": 1}. {@code "version"} (the same number) is still written for scripts that read
 * it from the first releases; it goes with schema version 2.
 * Positions are 1-based lines and 1-based UTF-16 columns (end exclusive), as in SARIF; offsets are
 * UTF-16 code units into the working-tree text. The schema is documented in {@code docs/review.md};
 * a new version is announced by a new number, fields are only ever added within one.
 */
public final class ReviewJsonWriter {
    public static final String SCHEMA = "unsafe-hints-review";
    public static final int VERSION = 1;

    private final String toolVersion;

    public ReviewJsonWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public void write(ReviewReport report, Writer out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeNumberField("schemaVersion", VERSION);
        g.writeNumberField("version", VERSION); // the first releases' name of schemaVersion
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "unsafe-hints");
        g.writeStringField("version", toolVersion);
        g.writeEndObject();
        g.writeStringField("root", report.root().toString());
        g.writeObjectFieldStart("base");
        g.writeStringField("description", report.base());
        g.writeStringField("commit", report.baseCommit());
        g.writeEndObject();
        g.writeStringField("head", report.headCommit());
        g.writeStringField("ledger", report.ledger().toString());
        g.writeStringField("fingerprintScheme", ItemFingerprint.SCHEME);
        g.writeObjectFieldStart("summary");
        g.writeNumberField("filesChanged", report.filesChanged());
        g.writeNumberField("sites", report.sites().size());
        g.writeNumberField("unreviewed", report.count(ReviewedSite.Status.UNREVIEWED));
        g.writeNumberField("stale", report.count(ReviewedSite.Status.STALE));
        g.writeNumberField("reviewed", report.count(ReviewedSite.Status.REVIEWED));
        g.writeNumberField("removed", report.removed().size());
        g.writeEndObject();
        g.writeArrayFieldStart("sites");
        for (ReviewedSite s : report.sites()) {
            site(g, s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("removed");
        for (ReviewReport.RemovedSite r : report.removed()) {
            g.writeStartObject();
            g.writeStringField("file", r.file());
            g.writeStringField("item", r.itemPath());
            g.writeStringField("kind", r.kind());
            g.writeNumberField("baseLine", r.start().line() + 1);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("obsoleteApprovals");
        for (Approval a : report.obsoleteApprovals()) {
            approval(g, a);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String n : report.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        if (report.dependenciesReviewed()) {
            g.writeArrayFieldStart("dependencies");
            for (ReviewReport.DependencyChange d : report.dependencies()) {
                dependency(g, d);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.flush();
        out.write('\n');
        out.flush();
    }

    /** review --deps: one dependency whose version changed, its new or changed sites relative to its package. */
    private static void dependency(JsonGenerator g, ReviewReport.DependencyChange d) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", d.name());
        g.writeStringField("from", d.from());
        g.writeStringField("to", d.to());
        g.writeStringField("source", d.source());
        g.writeStringField("root", d.root() == null ? null : d.root().toString());
        g.writeBooleanField("found", d.root() != null);
        g.writeArrayFieldStart("sites");
        for (ReviewedSite s : d.sites()) {
            g.writeStartObject();
            g.writeStringField("path", s.file());
            g.writeStringField("ruleId", s.kind());
            g.writeStringField("change", s.change().name().toLowerCase());
            g.writeStringField("item", s.itemPath());
            g.writeStringField("hash", s.siteHash());
            region(g, s);
            g.writeStringField("excerpt", s.excerpt());
            checklist(g, s);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String n : d.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void region(JsonGenerator g, ReviewedSite s) throws IOException {
        g.writeObjectFieldStart("region");
        position(g, "start", s.start());
        position(g, "end", s.end());
        g.writeNumberField("startOffset", s.range().start());
        g.writeNumberField("endOffset", s.range().end());
        g.writeEndObject();
    }

    private static void site(JsonGenerator g, ReviewedSite s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.siteId());
        g.writeStringField("hash", s.siteHash());
        g.writeStringField("file", s.file());
        g.writeStringField("kind", s.kind());
        g.writeStringField("change", s.change().name().toLowerCase());
        g.writeStringField("status", s.status().name().toLowerCase());
        g.writeStringField("item", s.itemPath());
        g.writeStringField("itemFingerprint", s.itemFingerprint());
        g.writeNumberField("ordinal", s.ordinal());
        region(g, s);
        g.writeStringField("excerpt", s.excerpt());
        if (s.approval() == null) {
            g.writeNullField("approval");
        } else {
            g.writeFieldName("approval");
            approval(g, s.approval());
        }
        checklist(g, s);
        g.writeEndObject();
    }

    private static void checklist(JsonGenerator g, ReviewedSite s) throws IOException {
        g.writeArrayFieldStart("checklist");
        for (ChecklistItem item : s.checklist()) {
            g.writeStartObject();
            g.writeNumberField("level", item.level());
            g.writeStringField("mark", item.mark().name().toLowerCase());
            g.writeStringField("text", item.text());
            if (!item.quote().isEmpty()) {
                g.writeArrayFieldStart("quote");
                for (String q : item.quote()) {
                    g.writeString(q);
                }
                g.writeEndArray();
            }
            if (item.start() != null) {
                g.writeNumberField("line", item.start().line() + 1);
                g.writeNumberField("column", item.start().column() + 1);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, String prefix, TextPosition p) throws IOException {
        g.writeNumberField(prefix + "Line", p.line() + 1);
        g.writeNumberField(prefix + "Column", p.column() + 1);
    }

    private static void approval(JsonGenerator g, Approval a) throws IOException {
        g.writeStartObject();
        g.writeStringField("site", a.site());
        g.writeStringField("file", a.file());
        g.writeStringField("item", a.item());
        g.writeStringField("kind", a.kind());
        g.writeNumberField("ordinal", a.ordinal());
        g.writeStringField("fingerprint", a.fingerprint());
        g.writeStringField("by", a.by());
        g.writeStringField("date", a.date());
        g.writeStringField("commit", a.commit());
        g.writeStringField("note", a.note());
        g.writeEndObject();
    }
}
