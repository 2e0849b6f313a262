package dev.unsafehints.report;

import dev.unsafehints.analysis.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The terminal report: findings grouped by file as {@code path:line:col  rule-id  message}, each
 * with its source line and carets under the range like rustc; test-only sites apart; then broken
 * and skipped files, and a cargo-geiger-like table per crate.
 */
public final class TextReportWriter implements ReportWriter {
    private static final int TAB_WIDTH = 4;
    private final boolean color;
    private final java.util.function.Function<java.nio.file.Path, String> display;
    private java.nio.file.Path base;

    /** A report whose paths are those of the model (relative to the scanned folder). */
    public TextReportWriter(boolean color) {
        this(color, null);
    }

    /**
     * A report whose paths are shown as {@code display} gives each file's absolute path (the
     * scanner: relative to the current folder, like rustc, so that `src/lib.rs:3:5` opens from the
     * shell where the scan ran).
     */
    public TextReportWriter(boolean color, java.util.function.Function<java.nio.file.Path, String> display) {
        this.color = color;
        this.display = display;
    }

    /** A path of the model as the reader should see it. */
    private String shown(String path) {
        if (display == null || base == null) {
            return path;
        }
        return display.apply(base.resolve(path).normalize());
    }

    @Override
    public void write(ReportModel model, Writer out) throws IOException {
        try {
            base = java.nio.file.Path.of(java.net.URI.create(model.scan().baseUri()));
        } catch (RuntimeException e) {
            base = null; // not a file URI: the model's paths as they are
        }
        List<Site> reported = model.reportedSites();
        model.baseline().ifPresent(b -> print(out, style(BOLD, "Baseline " + b.file() + ": " + b.newSites()
                + " new or changed, " + b.unchangedSites() + " unchanged, " + b.fixedSites() + " gone") + "\n\n"));
        List<Site> normal = reported.stream().filter(s -> !s.testOnly()).toList();
        List<Site> tests = reported.stream().filter(Site::testOnly).toList();
        writeGrouped(out, normal);
        if (!tests.isEmpty()) {
            out.write(style(BOLD, "Test-only code (cfg(test), #[test], tests/): " + tests.size() + " finding"
                    + plural(tests.size())) + "\n\n");
            writeGrouped(out, tests);
        }
        writeProblems(out, model);
        writeCrateTable(out, model);
        writeSummary(out, model, reported);
        out.flush();
    }

    private void writeGrouped(Writer out, List<Site> sites) throws IOException {
        Map<String, Integer> perFile = new java.util.HashMap<>();
        sites.forEach(s -> perFile.merge(s.path(), 1, Integer::sum));
        String current = null;
        for (Site s : sites) {
            if (!s.path().equals(current)) {
                current = s.path();
                int n = perFile.get(s.path());
                out.write(style(BOLD, shown(s.path())) + style(DIM, " (" + n + " finding" + plural(n) + ")") + "\n");
            }
            writeSite(out, s);
            out.write("\n");
        }
    }

    private void writeSite(Writer out, Site s) throws IOException {
        String levelStyle = levelStyle(s.severity());
        out.write(shown(s.path()) + ":" + s.span().startLine() + ":" + s.span().startColumn() + "  "
                + style(levelStyle, s.ruleId()) + "  " + s.message() + style(DIM, "  [" + s.label() + "]") + "\n");
        int last = s.excerptFirstLine() + s.excerpt().size() - 1;
        int gutter = String.valueOf(Math.max(last, s.span().endLine())).length();
        String pad = " ".repeat(gutter);
        out.write(style(BLUE, pad + " |") + "\n");
        if (!s.excerpt().isEmpty()) {
            String first = s.excerpt().get(0);
            int from = displayColumn(first, s.span().startColumn() - 1);
            boolean oneLine = s.span().endLine() == s.span().startLine();
            int to = oneLine ? displayColumn(first, s.span().endColumn() - 1) : displayColumn(first, first.length());
            writeSourceLine(out, gutter, s.span().startLine(), first);
            out.write(style(BLUE, pad + " |") + " " + " ".repeat(from) + style(levelStyle, "^".repeat(Math.max(1, to - from))) + "\n");
            if (!oneLine) {
                int endLine = s.span().endLine();
                if (endLine <= last) {
                    if (endLine > s.span().startLine() + 1) {
                        out.write(style(BLUE, pad + " |") + " ...\n");
                    }
                    String end = s.excerpt().get(endLine - s.excerptFirstLine());
                    int indent = displayColumn(end, end.length() - end.stripLeading().length());
                    int endCol = displayColumn(end, s.span().endColumn() - 1);
                    writeSourceLine(out, gutter, endLine, end);
                    out.write(style(BLUE, pad + " |") + " " + " ".repeat(indent)
                            + style(levelStyle, "^".repeat(Math.max(1, endCol - indent))) + "\n");
                } else {
                    out.write(style(BLUE, pad + " |") + " ... (to line " + endLine + ")\n");
                }
            }
        }
        if (!s.itemPath().isEmpty()) {
            out.write(style(BLUE, pad + " =") + " in: " + s.itemPath() + "\n");
        }
        if (!s.cfg().isEmpty()) {
            out.write(style(BLUE, pad + " =") + " cfg: " + String.join(", ", s.cfg()) + "\n");
        }
        for (RelatedSite r : s.related()) {
            out.write(style(BLUE, pad + " =") + " note: " + shown(r.path()) + ":" + r.span().startLine() + ":"
                    + r.span().startColumn() + ": " + (r.message() == null ? "" : r.message()) + "\n");
        }
        String safetyDoc = s.properties().get("safetyDoc");
        if (safetyDoc != null && !safetyDoc.isBlank()) {
            out.write(style(BLUE, pad + " =") + " callee's safety contract: "
                    + safetyDoc.strip().replaceAll("\\s+", " ") + "\n");
        }
    }

    private void writeSourceLine(Writer out, int gutter, int line, String text) throws IOException {
        String number = String.valueOf(line);
        out.write(style(BLUE, " ".repeat(gutter - number.length()) + number + " |") + " " + expandTabs(text) + "\n");
    }

    private void writeProblems(Writer out, ReportModel model) throws IOException {
        List<FileReport> broken = model.partlyParsedFiles();
        if (!broken.isEmpty()) {
            out.write(style(BOLD, "Partly parsed files (" + broken.size() + "): findings inside the broken code may be missing") + "\n");
            for (FileReport f : broken) {
                for (SyntaxIssue e : f.syntaxErrors()) {
                    out.write("  " + shown(f.path()) + ":" + e.span().startLine() + ":" + e.span().startColumn() + "  "
                            + style(RED, "syntax error") + "  " + e.message() + "\n");
                }
            }
            out.write("\n");
        }
        List<FileReport> noted = model.files().stream().filter(f -> !f.notes().isEmpty() && !f.partlyParsed()).toList();
        for (FileReport f : noted) {
            for (String n : f.notes()) {
                out.write("  " + shown(f.path()) + ": note: " + n + "\n");
            }
        }
        if (!model.skipped().isEmpty()) {
            out.write(style(BOLD, "Skipped files (" + model.skipped().size() + ")") + "\n");
            for (SkippedFile s : model.skipped()) {
                out.write("  " + shown(s.path()) + ": " + style(YELLOW, s.reason().id()) + ": " + s.message() + "\n");
            }
            out.write("\n");
        }
    }

    private void writeCrateTable(Writer out, ReportModel model) throws IOException {
        if (model.crates().isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("crate", "unsafe_code"));
        List<String> inventory = List.of("unsafe-block", "unsafe-fn", "unsafe-impl", "unsafe-trait", "extern-block",
                "raw-pointer-cast");
        for (String id : inventory) {
            header.add(label(UnsafeKinds.INVENTORY, id));
        }
        for (UnsafeKinds.Kind k : UnsafeKinds.OPERATIONS) {
            header.add(k.label());
        }
        header.add("SAFETY");
        header.add("tests");
        TextTable table = new TextTable().header(header);
        for (CrateReport c : model.crates()) {
            table.row(crateRow(c.displayName(), c.policy().label(), c.counts(), c.testCounts(), c.safetyComments(), inventory));
        }
        if (model.crates().size() > 1) {
            table.ruleBeforeNext().row(crateRow("total", "", model.totalCounts(), model.totalTestCounts(),
                    model.totalSafetyComments(), inventory));
        }
        out.write(style(BOLD, "Unsafe code per crate") + style(DIM,
                "  (fns/impls/...: declarations; deref/call/static/union/asm: unsafe operations;"
                        + " SAFETY: blocks and impls with a SAFETY comment; tests: sites in test-only code)") + "\n");
        for (String line : table.render()) {
            out.write(line + "\n");
        }
        out.write("\n");
    }

    private static List<String> crateRow(String name, String policy, Counts counts, Counts tests, Coverage safety,
                                         List<String> inventory) {
        List<String> row = new ArrayList<>(List.of(name, policy));
        for (String id : inventory) {
            row.add(String.valueOf(counts.get(id)));
        }
        for (UnsafeKinds.Kind k : UnsafeKinds.OPERATIONS) {
            row.add(String.valueOf(counts.get(k.ruleId())));
        }
        row.add(safety.total() == 0 ? "-" : safety.percentText() + " (" + safety.documented() + "/" + safety.total() + ")");
        int testSites = 0;
        for (Map.Entry<String, Integer> e : tests.byRule().entrySet()) {
            if (UnsafeKinds.isCounted(e.getKey())) {
                testSites += e.getValue();
            }
        }
        row.add(String.valueOf(testSites));
        return row;
    }

    private static String label(List<UnsafeKinds.Kind> kinds, String id) {
        return kinds.stream().filter(k -> k.ruleId().equals(id)).map(UnsafeKinds.Kind::label).findFirst().orElse(id);
    }

    private void writeSummary(Writer out, ReportModel model, List<Site> reported) throws IOException {
        Map<Severity, Integer> bySeverity = model.reportedBySeverity();
        int errors = bySeverity.getOrDefault(Severity.ERROR, 0);
        int warnings = bySeverity.getOrDefault(Severity.WARNING, 0);
        int notes = bySeverity.getOrDefault(Severity.INFO, 0);
        int hints = bySeverity.getOrDefault(Severity.HINT, 0);
        String what = model.baseline().isPresent() ? " new finding" : " finding";
        out.write(style(BOLD, reported.size() + what + plural(reported.size())) + " (" + style(RED, errors + " error" + plural(errors))
                + ", " + style(YELLOW, warnings + " warning" + plural(warnings)) + ", " + notes + " note" + plural(notes)
                + (hints > 0 ? ", " + hints + " hint" + plural(hints) : "") + ") in "
                + model.files().size() + " file" + plural(model.files().size()) + "; "
                + model.skipped().size() + " skipped, " + model.partlyParsedFiles().size() + " partly parsed\n");
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    /** The display column of a UTF-16 column, with tabs expanded. */
    static int displayColumn(String line, int utf16Column) {
        int col = 0;
        int end = Math.min(utf16Column, line.length());
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                col += TAB_WIDTH;
            } else if (!Character.isLowSurrogate(c)) {
                col++;
            }
        }
        return col + Math.max(0, utf16Column - line.length());
    }

    static String expandTabs(String line) {
        return line.replace("\t", " ".repeat(TAB_WIDTH));
    }

    // ---- ANSI styling, only when colour is on
    private static final String BOLD = "1";
    private static final String DIM = "2";
    private static final String RED = "1;31";
    private static final String YELLOW = "1;33";
    private static final String CYAN = "1;36";
    private static final String BLUE = "1;34";

    private static String levelStyle(Severity severity) {
        return switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            default -> CYAN;
        };
    }

    private String style(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    private static void print(Writer out, String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
