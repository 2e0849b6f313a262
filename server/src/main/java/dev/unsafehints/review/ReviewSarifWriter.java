package dev.unsafehints.review;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.unsafehints.report.SarifLog;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleDocs;
import java.io.IOException;
import java.io.Writer;
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
 * <p>The log's frame, rules and locations are written as the scan's are ({@link SarifLog}).
 */
public final class ReviewSarifWriter {
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
        JsonGenerator g = SarifLog.begin(out);
        List<SarifLog.Rule> rules = new ArrayList<>();
        for (String kind : ruleIndex.keySet()) {
            rules.add(rule(kind));
        }
        SarifLog.tool(g, "unsafe-hints", toolVersion, SarifLog.TOOL_URI, rules);
        SarifLog.base(g, "unsafe-hints/review/", report.root().toUri().toASCIIString());
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (String n : report.notes()) {
            g.writeStartObject();
            g.writeStringField("level", "warning");
            SarifLog.message(g, n);
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
        SarifLog.end(g, out);
    }

    private static SarifLog.Rule rule(String kind) {
        RuleDescriptor descriptor = RuleCatalog.byId(kind).orElse(null);
        String title = descriptor == null ? kind : descriptor.title();
        String what = RuleDocs.section(kind, "What it finds");
        return new SarifLog.Rule(kind, "Review" + SarifLog.pascalCase(kind), "Changed " + title,
                what.isEmpty() ? title : SarifLog.plain(what), RuleDocs.markdown(kind).orElse(title), "warning",
                List.of("unsafe", "review"));
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
        SarifLog.physicalLocation(g, s.file(), s.start().line() + 1, s.start().column() + 1, s.end().line() + 1,
                s.end().column() + 1);
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
}
