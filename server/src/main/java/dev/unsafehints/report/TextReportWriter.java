package dev.unsafehints.report;

import dev.unsafehints.analysis.Obligations;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.rules.operations.OperationKinds;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The terminal report: findings grouped by file as {@code path:line:col  rule-id  message}, each
 * with its source line and carets under the range like rustc; test-only sites apart; then broken
 * and skipped files, a cargo-geiger-like table per crate, the inventory in one paragraph, the
 * totals, and where to read more ({@code unsafe-hints explain RULE}). With a minimum level
 * ({@code scan --min-level warning}) only findings at or above it are listed; the others are
 * counted.
 */
public final class TextReportWriter implements ReportWriter {
    private static final int TAB_WIDTH = 4;
    private final boolean color;
    private final java.util.function.Function<java.nio.file.Path, String> display;
    private java.nio.file.Path base;
    private final Severity minLevel;

    /** A report whose paths are those of the model (relative to the scanned folder). */
    public TextReportWriter(boolean color) {
        this(color, null, Severity.HINT);
    }

    /** {@code minLevel}: the lowest level listed (HINT or INFO: every finding). */
    public TextReportWriter(boolean color, Severity minLevel) {
        this(color, null, minLevel);
    }

    /**
     * A report whose paths are shown as {@code display} gives each file's absolute path (the
     * scanner: relative to the current folder, like rustc, so that `src/lib.rs:3:5` opens from the
     * shell where the scan ran), listing the findings at {@code minLevel} or above.
     */
    public TextReportWriter(boolean color, java.util.function.Function<java.nio.file.Path, String> display,
                            Severity minLevel) {
        this.color = color;
        this.display = display;
        this.minLevel = minLevel;
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
        List<Site> all = model.reportedSites();
        List<Site> reported = all.stream().filter(s -> Levels.rank(s.severity()) >= Levels.rank(minLevel)).toList();
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
        writeDependencies(out, model);
        writeInventory(out, model);
        writeSummary(out, model, all);
        int hidden = all.size() - reported.size();
        if (hidden > 0) {
            out.write(style(DIM, hidden + " finding" + plural(hidden) + " below " + minLevelName()
                    + " not listed (--min-level)") + "\n");
        }
        writeFooter(out, reported.isEmpty() ? all : reported);
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
            out.write(style(BLUE, pad + " =") + " cfg: " + String.join(", ", s.cfg())
                    + (Boolean.FALSE.equals(s.compiled()) ? " (not compiled in this configuration)" : "") + "\n");
        }
        for (RelatedSite r : s.related()) {
            out.write(style(BLUE, pad + " =") + " note: " + shown(r.path()) + ":" + r.span().startLine() + ":"
                    + r.span().startColumn() + ": " + (r.message() == null ? "" : r.message()) + "\n");
        }
        String safetyDoc = s.properties().get("safetyDoc");
        if (safetyDoc != null && !safetyDoc.isBlank()) {
            out.write(style(BLUE, pad + " =") + " callee's safety contract: "
                    + safetyDoc.strip().replaceAll("\\s+", " ") + "\n");
        } else {
            java.util.Optional<Obligations.Contract> contract =
                    OperationKinds.ofRule(s.ruleId()).map(k -> Obligations.ofFinding(k, s.properties(), !s.related().isEmpty()));
            if (contract.isPresent()) {
                out.write(style(BLUE, pad + " =") + " must hold: " + contract.get().brief("; ") + "\n");
            }
        }
    }

    private void writeSourceLine(Writer out, int gutter, int line, String text) throws IOException {
        String number = String.valueOf(line);
        out.write(style(BLUE, " ".repeat(gutter - number.length()) + number + " |") + " " + expandTabs(text) + "\n");
    }

    /** Syntax errors listed per file; the rest are counted. */
    static final int SYNTAX_ERRORS_PER_FILE = 10;

    private void writeProblems(Writer out, ReportModel model) throws IOException {
        List<FileReport> broken = model.partlyParsedFiles();
        if (!broken.isEmpty()) {
            out.write(style(BOLD, "Partly parsed files (" + broken.size() + "): findings inside the broken code may be missing") + "\n");
            for (FileReport f : broken) {
                // the first errors say where the file breaks; a file that is not Rust at all gave 1,161 lines
                List<SyntaxIssue> errors = f.syntaxErrors();
                for (SyntaxIssue e : errors.subList(0, Math.min(errors.size(), SYNTAX_ERRORS_PER_FILE))) {
                    out.write("  " + shown(f.path()) + ":" + e.span().startLine() + ":" + e.span().startColumn() + "  "
                            + style(RED, "syntax error") + "  " + e.message() + "\n");
                }
                if (errors.size() > SYNTAX_ERRORS_PER_FILE) {
                    out.write("  " + shown(f.path()) + ": " + (errors.size() - SYNTAX_ERRORS_PER_FILE)
                            + " more syntax errors (all of them in -f json)\n");
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
        List<String> inventory = UnsafeKinds.NARROW.stream().map(UnsafeKinds.Kind::ruleId).toList();
        UnsafeKinds.NARROW.forEach(k -> header.add(k.label()));
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
                        + " SAFETY: unsafe blocks and impls with a SAFETY comment; tests: sites in test-only code)") + "\n");
        for (String line : table.render()) {
            out.write(line + "\n");
        }
        out.write("\n");
    }

    /**
     * scan --deps: the per-package table of the dependencies and the tree. Their sites are not
     * listed here (JSON and HTML have them): they are not the user's to fix.
     */
    private void writeDependencies(Writer out, ReportModel model) throws IOException {
        DependencyReport deps = model.dependencies();
        if (!deps.scanned()) {
            return;
        }
        if (deps.crates().isEmpty()) {
            out.write(style(BOLD, "Dependencies:") + " none found (see the lines above on standard error)\n\n");
            return;
        }
        TextTable table = new TextTable().header(DependencyTable.header());
        deps.crates().forEach(c -> table.row(DependencyTable.row(c)));
        table.ruleBeforeNext().row(DependencyTable.totalRow(deps.crates()));
        out.write(style(BOLD, "Unsafe code in the dependencies") + style(DIM, "  (" + deps.crates().size()
                + " package" + plural(deps.crates().size()) + "; " + DependencyTable.LEGEND
                + "; sites of test-only code left out; their sites are in the JSON and HTML reports)") + "\n");
        for (String line : table.render()) {
            out.write(line + "\n");
        }
        out.write("\n");
        if (!deps.tree().lines().isEmpty()) {
            out.write(style(BOLD, "Dependency tree") + style(DIM, "  ((*): shown above)") + "\n");
            for (String line : DependencyTable.treeLines(model)) {
                out.write(line + "\n");
            }
            out.write("\n");
        }
        if (!deps.skipped().isEmpty()) {
            out.write(style(BOLD, "Dependency files not analyzed") + "\n");
            for (DependencyReport.Skipped s : deps.skipped()) {
                out.write("  " + s.crateKey() + ": " + s.file().path() + ": " + style(YELLOW, s.file().reason().id())
                        + ": " + s.file().message() + "\n");
            }
            out.write("\n");
        }
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

    private String minLevelName() {
        return minLevel == Severity.ERROR ? "error" : minLevel == Severity.WARNING ? "warning" : "note";
    }

    /**
     * The inventory in one paragraph, for all crates: where unsafe is written and how much of it is
     * documented, the unsafe operations by kind, and the safe code that makes raw pointers.
     */
    private void writeInventory(Writer out, ReportModel model) throws IOException {
        Counts c = model.totalCounts();
        List<String> sites = new ArrayList<>();
        Coverage comments = model.totalSafetyComments();
        Coverage docs = model.totalSafetyDocs();
        for (String rule : SENTENCE_ORDER) {
            addCount(sites, c.get(rule), nounOf(rule));
        }
        List<String> ops = new ArrayList<>();
        int opTotal = 0;
        for (UnsafeKinds.Kind k : UnsafeKinds.OPERATIONS) {
            int n = c.get(k.ruleId());
            opTotal += n;
            addCount(ops, n, nounOf(k.ruleId()));
        }
        int safeCode = UnsafeKinds.SAFE_CODE.stream().mapToInt(c::get).sum();
        if (sites.isEmpty() && opTotal == 0 && safeCode == 0) {
            out.write(style(BOLD, "Inventory:") + " no unsafe code\n\n");
            return;
        }
        StringBuilder sb = new StringBuilder(style(BOLD, "Inventory:") + " ");
        sb.append(sites.isEmpty() ? "no unsafe blocks or items" : String.join(", ", sites));
        if (comments.total() > 0) {
            sb.append("; SAFETY comments on ").append(comments.documented()).append(" of ").append(comments.total())
                    .append(" unsafe blocks and impls");
        }
        if (docs.total() > 0) {
            sb.append(comments.total() > 0 ? ", " : "; ").append("`# Safety` sections on ").append(docs.documented()).append(" of ").append(docs.total())
                    .append(' ').append(sectionSubjects(c));
        }
        sb.append(". ").append(opTotal).append(" unsafe operation").append(plural(opTotal));
        if (!ops.isEmpty()) {
            sb.append(" (").append(String.join(", ", ops)).append(')');
        }
        if (safeCode > 0) {
            sb.append("; safe code making raw pointers: ");
            List<String> safe = new ArrayList<>();
            UnsafeKinds.SAFE_CODE.forEach(rule -> addCount(safe, c.get(rule), nounOf(rule)));
            sb.append(String.join(", ", safe));
        }
        out.write(sb + ".\n\n");
    }

    /**
     * The inventory the sentence counts, in its order: where `unsafe` is written first, those a
     * SAFETY comment documents, then those a `# Safety` section does, then the rest; safe code apart.
     */
    private static final List<String> SENTENCE_ORDER = RuleCatalog.all().stream()
            .filter(r -> r.category() == RuleInfo.Category.INVENTORY && !r.safeCode())
            .sorted(java.util.Comparator.comparing((RuleDescriptor r) -> !r.unsafeSite())
                    .thenComparing(RuleDescriptor::documentedBy).thenComparingInt(RuleDescriptor::columnOrder))
            .map(RuleDescriptor::id).toList();

    /**
     * What the `# Safety` sections document, in plural ("unsafe fns and traits"): the first kind
     * always, the others when the scan found one; a leading word they share is said once.
     */
    private static String sectionSubjects(Counts c) {
        List<String> subjects = UnsafeKinds.documentedBy(RuleInfo.SafetyText.SAFETY_SECTION);
        List<String> nouns = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            if (i == 0 || c.get(subjects.get(i)) > 0) {
                nouns.add(nounOf(subjects.get(i)) + "s");
            }
        }
        String first = nouns.get(0);
        int space = first.indexOf(' ');
        String shared = space < 0 ? "" : first.substring(0, space + 1);
        StringBuilder words = new StringBuilder(first);
        for (int i = 1; i < nouns.size(); i++) {
            String noun = nouns.get(i);
            words.append(i == nouns.size() - 1 ? " and " : ", ")
                    .append(!shared.isEmpty() && noun.startsWith(shared) ? noun.substring(shared.length()) : noun);
        }
        return words.toString();
    }

    /** What one site of a rule is called in a sentence, as the rule declares it. */
    private static String nounOf(String ruleId) {
        return RuleCatalog.byId(ruleId).map(RuleDescriptor::noun).orElseThrow();
    }

    private static void addCount(List<String> parts, int n, String noun) {
        if (n > 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s"));
        }
    }

    /** Where to read what a rule means: the loudest rule listed, as a command to run. */
    private void writeFooter(Writer out, List<Site> sites) throws IOException {
        if (sites.isEmpty()) {
            return;
        }
        Site loudest = sites.stream().max(java.util.Comparator.comparingInt((Site s) -> Levels.rank(s.severity()))
                .thenComparing(s -> s.category() == dev.unsafehints.rules.RuleInfo.Category.GUIDELINE)).orElseThrow();
        out.write(style(DIM, "What a rule means and what to do about it: ") + "unsafe-hints explain " + loudest.ruleId()
                + style(DIM, " (or any rule id above)") + "\n");
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
