package dev.unsafehints.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, schema version {@value #SCHEMA_VERSION}, documented in {@code docs/json-schema.md}.
 * Adding fields keeps the version; renaming or removing one, or changing a meaning, raises it.
 */
public final class JsonReportWriter implements ReportWriter {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public void write(ReportModel model, Writer out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.writeStartObject();
        g.writeNumberField("schemaVersion", SCHEMA_VERSION);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", model.tool().name());
        g.writeStringField("version", model.tool().version());
        g.writeStringField("informationUri", model.tool().informationUri());
        g.writeEndObject();
        writeScan(g, model);
        writeTotals(g, model);
        g.writeArrayFieldStart("crates");
        for (CrateReport c : model.crates()) {
            writeCrate(g, c);
        }
        for (CrateReport c : model.dependencies().crates()) {
            writeCrate(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("files");
        for (FileReport f : model.files()) {
            writeFile(g, f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("skippedFiles");
        for (SkippedFile s : model.skipped()) {
            writeSkipped(g, s, null);
        }
        g.writeEndArray();
        if (model.dependencies().scanned()) {
            writeDependencies(g, model.dependencies());
        }
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    private static void writeSkipped(JsonGenerator g, SkippedFile s, String crateKey) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", s.path());
        if (crateKey != null) {
            g.writeStringField("crate", crateKey);
        }
        g.writeStringField("reason", s.reason().id());
        g.writeStringField("message", s.message());
        g.writeEndObject();
    }

    /**
     * scan --deps: the dependencies' files (paths relative to their package's root, {@code crate}
     * naming its entry of {@code crates}), the files that could not be analyzed, and the tree.
     */
    private static void writeDependencies(JsonGenerator g, DependencyReport deps) throws IOException {
        g.writeArrayFieldStart("dependencyFiles");
        for (FileReport f : deps.files()) {
            writeFile(g, f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("dependencySkippedFiles");
        for (DependencyReport.Skipped s : deps.skipped()) {
            writeSkipped(g, s.file(), s.crateKey());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("dependencyTree");
        for (DependencyTree.Line line : deps.tree().lines()) {
            g.writeStartObject();
            g.writeNumberField("depth", line.depth());
            g.writeStringField("name", line.name());
            g.writeStringField("version", line.version());
            g.writeStringField("source", line.source());
            g.writeStringField("crate", line.crateKey());
            g.writeBooleanField("repeated", line.repeated());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeScan(JsonGenerator g, ReportModel model) throws IOException {
        g.writeObjectFieldStart("scan");
        g.writeArrayFieldStart("roots");
        for (String r : model.scan().roots()) {
            g.writeString(r);
        }
        g.writeEndArray();
        g.writeStringField("baseUri", model.scan().baseUri());
        g.writeBooleanField("dependencies", model.dependencies().scanned());
        ScanInfo.StandardLibrary std = model.scan().standardLibrary();
        g.writeObjectFieldStart("standardLibrary");
        g.writeStringField("source", std.fromSources() ? "sources" : "built-in list");
        g.writeStringField("path", std.path());
        g.writeStringField("origin", std.origin());
        g.writeEndObject();
        if (model.baseline().isPresent()) {
            BaselineSummary b = model.baseline().get();
            g.writeObjectFieldStart("baseline");
            g.writeStringField("file", b.file());
            g.writeNumberField("newSites", b.newSites());
            g.writeNumberField("unchangedSites", b.unchangedSites());
            g.writeNumberField("fixedSites", b.fixedSites());
            g.writeEndObject();
        } else {
            g.writeNullField("baseline");
        }
        g.writeEndObject();
    }

    private static void writeTotals(JsonGenerator g, ReportModel model) throws IOException {
        List<Site> reported = model.reportedSites();
        g.writeObjectFieldStart("totals");
        g.writeNumberField("files", model.files().size());
        g.writeNumberField("skippedFiles", model.skipped().size());
        g.writeNumberField("partlyParsedFiles", model.partlyParsedFiles().size());
        g.writeNumberField("reportedSites", reported.size());
        g.writeNumberField("reportedTestOnlySites", (int) reported.stream().filter(Site::testOnly).count());
        g.writeObjectFieldStart("reportedByLevel");
        for (String level : List.of("error", "warning", "note")) {
            g.writeNumberField(level, (int) reported.stream().filter(s -> s.level().equals(level)).count());
        }
        g.writeEndObject();
        writeCounts(g, "counts", model.totalCounts());
        writeCounts(g, "testOnlyCounts", model.totalTestCounts());
        writeCoverage(g, "safetyComments", model.totalSafetyComments());
        writeCoverage(g, "safetyDocs", model.totalSafetyDocs());
        g.writeEndObject();
    }

    private static void writeCrate(JsonGenerator g, CrateReport c) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", c.key());
        g.writeStringField("name", c.name());
        g.writeStringField("version", c.version());
        g.writeStringField("edition", c.edition());
        g.writeStringField("root", c.root());
        g.writeStringField("source", c.source());
        g.writeObjectFieldStart("unsafeCode");
        g.writeStringField("level", c.policy().level().id());
        g.writeStringField("condition", c.policy().condition());
        g.writeEndObject();
        g.writeNumberField("files", c.files());
        writeCounts(g, "counts", c.counts());
        writeCounts(g, "testOnlyCounts", c.testCounts());
        writeCounts(g, "notCompiledCounts", c.notCompiledCounts());
        writeCoverage(g, "safetyComments", c.safetyComments());
        writeCoverage(g, "safetyDocs", c.safetyDocs());
        g.writeEndObject();
    }

    private static void writeFile(JsonGenerator g, FileReport f) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", f.path());
        g.writeStringField("crate", f.crateKey());
        g.writeStringField("edition", f.edition());
        writeCounts(g, "counts", f.counts());
        writeCounts(g, "testOnlyCounts", f.testCounts());
        writeCoverage(g, "safetyComments", f.safetyComments());
        writeCoverage(g, "safetyDocs", f.safetyDocs());
        g.writeArrayFieldStart("syntaxErrors");
        for (SyntaxIssue e : f.syntaxErrors()) {
            g.writeStartObject();
            g.writeStringField("message", e.message());
            writeRegion(g, e.span());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String n : f.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sites");
        for (Site s : f.sites()) {
            if (s.isNew()) {
                writeSite(g, s);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSite(JsonGenerator g, Site s) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", s.ruleId());
        g.writeStringField("category", s.category().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("severity", s.severity().label());
        g.writeStringField("level", s.level());
        g.writeStringField("message", s.message());
        writeRegion(g, s.span());
        g.writeStringField("itemPath", s.itemPath());
        g.writeArrayFieldStart("cfg");
        for (String c : s.cfg()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeBooleanField("testOnly", s.testOnly());
        if (s.compiled() == null) {
            g.writeNullField("compiled");
        } else {
            g.writeBooleanField("compiled", s.compiled());
        }
        g.writeStringField("snippet", String.join("\n", s.excerpt()));
        g.writeStringField("fingerprint", s.fingerprint());
        g.writeStringField("lineHash", s.lineHash());
        g.writeArrayFieldStart("related");
        for (RelatedSite r : s.related()) {
            g.writeStartObject();
            g.writeStringField("path", r.path());
            writeRegion(g, r.span());
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(s.properties()).entrySet()) {
            if (!p.getKey().equals(Site.COMPILED)) { // already above
                g.writeStringField(p.getKey(), p.getValue());
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static void writeRegion(JsonGenerator g, Span span) throws IOException {
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", span.startLine());
        g.writeNumberField("startColumn", span.startColumn());
        g.writeNumberField("endLine", span.endLine());
        g.writeNumberField("endColumn", span.endColumn());
        g.writeEndObject();
    }

    private static void writeCounts(JsonGenerator g, String name, Counts counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Integer> e : counts.byRule().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeCoverage(JsonGenerator g, String name, Coverage c) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("documented", c.documented());
        g.writeNumberField("total", c.total());
        g.writeEndObject();
    }

}
