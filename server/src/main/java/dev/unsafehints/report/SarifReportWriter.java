package dev.unsafehints.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleDocs;
import java.io.IOException;
import java.io.Writer;
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
        JsonGenerator g = SarifLog.begin(out);
        List<SarifLog.Rule> entries = new ArrayList<>();
        for (RuleDescriptor r : rules) {
            entries.add(rule(r));
        }
        SarifLog.tool(g, model.tool().name(), model.tool().version(), model.tool().informationUri(), entries);
        SarifLog.base(g, model.scan().automationId(), model.scan().baseUri());
        writeInvocation(g, model);
        g.writeArrayFieldStart("results");
        for (Site s : model.reportedSites()) {
            writeResult(g, s, ruleIndex.get(s.ruleId()));
        }
        g.writeEndArray();
        SarifLog.end(g, out);
    }

    private static SarifLog.Rule rule(RuleDescriptor r) {
        String whatItFinds = RuleDocs.section(r.id(), "What it finds");
        List<String> tags = new ArrayList<>();
        tags.add(r.category().name().toLowerCase(Locale.ROOT));
        for (String tag : r.tags()) {
            if (!tag.equalsIgnoreCase(r.category().name())) {
                tags.add(tag);
            }
        }
        return new SarifLog.Rule(r.id(), SarifLog.pascalCase(r.id()), r.title(),
                whatItFinds.isEmpty() ? r.title() : SarifLog.plain(whatItFinds),
                RuleDocs.markdown(r.id()).orElse(r.title()), Levels.sarifLevel(r.defaultSeverity()), tags);
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
                SarifLog.message(g, "Syntax error: " + e.message());
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
            SarifLog.message(g, "Skipped " + s.path() + ": " + s.message());
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            SarifLog.artifact(g, s.path());
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
        SarifLog.message(g, s.message());
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
                SarifLog.message(g, r.message() == null || r.message().isBlank() ? "Related location" : r.message());
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
            if (!p.getKey().equals("itemPath") && !p.getKey().equals("testOnly")) {
                g.writeStringField(p.getKey(), p.getValue());
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writePhysicalLocation(JsonGenerator g, String path, Span span) throws IOException {
        SarifLog.physicalLocation(g, path, span.startLine(), span.startColumn(), span.endLine(), span.endColumn());
    }
}
