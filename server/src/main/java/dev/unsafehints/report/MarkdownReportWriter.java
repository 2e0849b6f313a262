package dev.unsafehints.report;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleDocs;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: totals, what is new against the baseline, a per-crate table, then the
 * findings grouped by rule (loudest first; the rule's document linked once, in its heading) and by
 * file, each location a link to the file and line when the repository is known; notes folded in a
 * {@code <details>} block; skipped or broken files. Always under {@value #LIMIT} characters (GitHub
 * rejects comments over 65,536); what does not fit is counted.
 */
public final class MarkdownReportWriter implements ReportWriter {
    public static final int LIMIT = 65_000;
    /** Room kept for the closing notes after the findings. */
    private static final int RESERVE = 6_000;
    /** Sites listed per rule; the rest of the rule is counted. */
    private static final int PER_RULE = 25;

    private final RepoLinks links;

    public MarkdownReportWriter() {
        this(null);
    }

    /** {@code links}: how to link locations to the repository's web view, or null for plain locations. */
    public MarkdownReportWriter(RepoLinks links) {
        this.links = links;
    }

    @Override
    public void write(ReportModel model, Writer out) throws IOException {
        out.write(render(model));
        out.flush();
    }

    public String render(ReportModel model) {
        StringBuilder md = new StringBuilder();
        List<Site> reported = model.reportedSites();
        Map<Severity, Integer> levels = model.reportedBySeverity();
        int errors = levels.getOrDefault(Severity.ERROR, 0);
        int warnings = levels.getOrDefault(Severity.WARNING, 0);
        int notes = levels.getOrDefault(Severity.INFO, 0);
        int hints = levels.getOrDefault(Severity.HINT, 0);
        String what = model.baseline().isPresent() ? "new or changed unsafe finding" : "unsafe finding";
        md.append("## Unsafe Hints: ").append(reported.size()).append(' ').append(what).append(reported.size() == 1 ? "" : "s").append("\n\n");
        md.append("**").append(errors).append("** error").append(errors == 1 ? "" : "s")
                .append(" · **").append(warnings).append("** warning").append(warnings == 1 ? "" : "s")
                .append(" · **").append(notes).append("** note").append(notes == 1 ? "" : "s")
                .append(hints == 0 ? "" : " · **" + hints + "** hint" + (hints == 1 ? "" : "s"))
                .append(" — ").append(model.files().size()).append(" files in ").append(model.crates().size())
                .append(model.crates().size() == 1 ? " crate" : " crates");
        if (!model.skipped().isEmpty() || !model.partlyParsedFiles().isEmpty()) {
            md.append(" · ").append(model.skipped().size()).append(" skipped · ")
                    .append(model.partlyParsedFiles().size()).append(" partly parsed");
        }
        md.append("\n\n");
        model.baseline().ifPresent(b -> md.append("Compared with the baseline `").append(code(fileName(b.file())))
                .append("`: **").append(b.newSites()).append("** new or changed, ").append(b.unchangedSites())
                .append(" unchanged, ").append(b.fixedSites()).append(" gone.\n\n"));
        crateTable(md, model);
        dependencies(md, model);

        List<Site> top = new ArrayList<>(reported.stream().filter(s -> !s.testOnly()).toList());
        long testOnly = reported.stream().filter(Site::testOnly).count();
        List<Site> loud = top.stream().filter(s -> Levels.rank(s.severity()) >= Levels.rank(Severity.WARNING)).toList();
        List<Site> quiet = top.stream().filter(s -> Levels.rank(s.severity()) < Levels.rank(Severity.WARNING)).toList();
        int[] left = {0};
        if (!loud.isEmpty()) {
            md.append(model.baseline().isPresent() ? "### New errors and warnings\n\n" : "### Errors and warnings\n\n");
            byRule(md, loud, left);
        }
        if (!quiet.isEmpty()) {
            long rules = quiet.stream().map(Site::ruleId).distinct().count();
            // "18 notes and 15 hints", not "33 notes": the levels as the counts above say them
            long quietNotes = quiet.stream().filter(s -> s.severity() == Severity.INFO).count();
            long quietHints = quiet.size() - quietNotes;
            String isNew = model.baseline().isPresent() ? " new" : "";
            List<String> parts = new ArrayList<>();
            if (quietNotes > 0) {
                parts.add(quietNotes + isNew + " note" + (quietNotes == 1 ? "" : "s"));
            }
            if (quietHints > 0) {
                parts.add(quietHints + (parts.isEmpty() ? isNew : "") + " hint" + (quietHints == 1 ? "" : "s"));
            }
            md.append("<details><summary>ℹ️ ").append(String.join(" and ", parts)).append(" (").append(rules).append(" rule")
                    .append(rules == 1 ? "" : "s").append("): the unsafe code itself, for the reviewer</summary>\n\n");
            byRule(md, quiet, left);
            md.append("</details>\n\n");
        }
        if (left[0] > 0) {
            md.append("_").append(left[0]).append(" more not shown here (at most ").append(PER_RULE)
                    .append(" per rule, and a comment holds at most ").append(LIMIT)
                    .append(" characters); see the SARIF or HTML report for all of them._\n\n");
        }
        if (testOnly > 0) {
            md.append("_").append(testOnly).append(" more in test-only code (`cfg(test)`, `#[test]`, `tests/`), not listed._\n\n");
        }
        problems(md, model);
        md.append("<sub>unsafe-hints ").append(model.tool().version())
                .append(" · rule documents explain each finding and how to justify or remove it.</sub>\n");
        if (md.length() > LIMIT) {
            String note = "\n\n_(truncated to fit a pull-request comment)_\n";
            md.setLength(LIMIT - note.length());
            md.append(note);
        }
        return md.toString();
    }

    /**
     * The sites grouped by rule (loudest rule first, then the most sites), each rule's document
     * linked once in its heading, and within a rule by file, each location a link. Sites that do
     * not fit are added to {@code left[0]}.
     */
    private void byRule(StringBuilder md, List<Site> sites, int[] left) {
        java.util.Map<String, List<Site>> rules = new java.util.LinkedHashMap<>();
        for (Site s : sites) {
            rules.computeIfAbsent(s.ruleId(), k -> new ArrayList<>()).add(s);
        }
        List<List<Site>> groups = new ArrayList<>(rules.values());
        groups.sort(Comparator.comparingInt((List<Site> g) -> -Levels.rank(g.get(0).severity()))
                .thenComparingInt(g -> -g.size()).thenComparing(g -> g.get(0).ruleId()));
        for (List<Site> group : groups) {
            Site first = group.get(0);
            String title = RuleCatalog.byId(first.ruleId())
                    .map(RuleDescriptor::title).orElse("");
            String heading = "#### " + levelLabel(first) + " · [`" + first.ruleId() + "`](" + RuleDocs.url(first.ruleId())
                    + ")" + (title.isEmpty() ? "" : " " + cell(title)) + " (" + group.size() + ")\n\n";
            if (md.length() + heading.length() > LIMIT - RESERVE) {
                left[0] += group.size();
                continue;
            }
            md.append(heading);
            List<Site> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparing(Site::path).thenComparingInt(s -> s.span().startLine())
                    .thenComparingInt(s -> s.span().startColumn()));
            String file = null;
            int shown = 0;
            for (Site s : sorted) {
                StringBuilder row = new StringBuilder();
                if (!s.path().equals(file)) {
                    row.append("- `").append(code(s.path())).append("`\n");
                }
                row.append("  - ").append(location(s)).append(' ').append(cell(s.message())).append('\n');
                if (shown >= PER_RULE || md.length() + row.length() > LIMIT - RESERVE) {
                    break;
                }
                md.append(row);
                file = s.path();
                shown++;
            }
            if (shown < sorted.size()) {
                md.append("- … and ").append(sorted.size() - shown).append(" more\n");
                left[0] += sorted.size() - shown;
            }
            md.append('\n');
        }
    }

    /** {@code 3:5}, a link to the line when the repository is known. */
    private String location(Site s) {
        String at = s.span().startLine() + ":" + s.span().startColumn();
        return links == null ? "`" + at + "`" : "[" + at + "](" + links.line(s.path(), s.span().startLine()) + ")";
    }

    private static void crateTable(StringBuilder md, ReportModel model) {
        if (model.crates().isEmpty()) {
            return;
        }
        md.append("| Crate | `unsafe_code` |");
        UnsafeKinds.NARROW.forEach(k -> md.append(' ').append(k.label()).append(" |"));
        md.append(" operations | SAFETY comments |\n|---|---|").append("--:|".repeat(UnsafeKinds.NARROW.size() + 2)).append('\n');
        int rows = 0;
        for (CrateReport c : model.crates()) {
            if (rows++ >= 50) {
                md.append("| … ").append(model.crates().size() - 50).append(" more crates |")
                        .append(" |".repeat(UnsafeKinds.NARROW.size() + 3)).append('\n');
                break;
            }
            int ops = 0;
            for (UnsafeKinds.Kind k : UnsafeKinds.OPERATIONS) {
                ops += c.counts().get(k.ruleId());
            }
            md.append("| ").append(cell(c.displayName())).append(" | ").append(c.policy().label()).append(" | ");
            for (UnsafeKinds.Kind k : UnsafeKinds.NARROW) {
                md.append(c.counts().get(k.ruleId())).append(" | ");
            }
            md.append(ops).append(" | ").append(c.safetyComments().percentText()).append(" |\n");
        }
        md.append('\n');
    }

    /** Rows and tree lines a comment shows at most (a comment holds 65,536 characters). */
    private static final int MAX_DEPENDENCY_ROWS = 150;
    private static final int MAX_TREE_LINES = 200;

    /**
     * scan --deps: the per-package table and the tree, folded (they are context for the review, not
     * findings to fix).
     */
    private static void dependencies(StringBuilder md, ReportModel model) {
        DependencyReport deps = model.dependencies();
        if (!deps.scanned() || deps.crates().isEmpty()) {
            return;
        }
        int withUnsafe = (int) deps.crates().stream()
                .filter(c -> DependencyTable.unsafeSites(c.counts()) + DependencyTable.operations(c.counts()) > 0).count();
        md.append("<details><summary>Unsafe code in the dependencies: ").append(deps.crates().size())
                .append(deps.crates().size() == 1 ? " package, " : " packages, ").append(withUnsafe)
                .append(" with unsafe code</summary>\n\n");
        List<String> header = DependencyTable.header();
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            md.append(i < 4 ? "---|" : "--:|");
        }
        md.append('\n');
        int rows = 0;
        for (CrateReport c : deps.crates()) {
            if (rows++ >= MAX_DEPENDENCY_ROWS) {
                md.append("| … ").append(deps.crates().size() - MAX_DEPENDENCY_ROWS).append(" more packages |")
                        .append(" |".repeat(header.size() - 1)).append('\n');
                break;
            }
            md.append("| ").append(String.join(" | ", DependencyTable.row(c).stream().map(MarkdownReportWriter::cell)
                    .toList())).append(" |\n");
        }
        md.append("| ").append(String.join(" | ", DependencyTable.totalRow(deps.crates()))).append(" |\n\n")
                .append("Counts read compiled/not compiled (").append(DependencyTable.LEGEND).append(").\n\n");
        List<String> tree = DependencyTable.treeLines(model);
        if (!tree.isEmpty()) {
            md.append("```text\n");
            tree.stream().limit(MAX_TREE_LINES).forEach(line -> md.append(line.replace("```", "'''")).append('\n'));
            if (tree.size() > MAX_TREE_LINES) {
                md.append("… ").append(tree.size() - MAX_TREE_LINES).append(" more lines\n");
            }
            md.append("```\n\n");
        }
        md.append("</details>\n\n");
    }

    private static void problems(StringBuilder md, ReportModel model) {
        List<String> lines = new ArrayList<>();
        for (SkippedFile s : model.skipped()) {
            lines.add("- `" + code(s.path()) + "`: skipped, " + cell(s.message()));
        }
        for (FileReport f : model.partlyParsedFiles()) {
            SyntaxIssue first = f.syntaxErrors().get(0);
            lines.add("- `" + code(f.path()) + ":" + first.span().startLine() + ":" + first.span().startColumn()
                    + "`: partly parsed (" + f.syntaxErrors().size() + " syntax error"
                    + (f.syntaxErrors().size() == 1 ? "" : "s") + ": " + cell(first.message()) + ")");
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("<details><summary>").append(lines.size()).append(" file").append(lines.size() == 1 ? "" : "s")
                .append(" skipped or partly parsed</summary>\n\n");
        int shown = 0;
        for (String line : lines) {
            if (md.length() + line.length() > LIMIT - 500) {
                md.append("- … and ").append(lines.size() - shown).append(" more\n");
                break;
            }
            md.append(line).append('\n');
            shown++;
        }
        md.append("\n</details>\n\n");
    }

    private static String levelLabel(Site s) {
        return switch (s.label()) {
            case "error" -> "🛑 error";
            case "warning" -> "⚠️ warning";
            case "hint" -> "💡 hint";
            default -> "ℹ️ note";
        };
    }

    /** Text for a table cell: one line, pipes escaped, HTML defused. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text inside a code span: one line, no backticks, pipes escaped for tables. */
    static String code(String text) {
        return text.replace("`", "'").replace("|", "\\|").replace("\n", " ");
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
