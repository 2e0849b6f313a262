package dev.unsafehints.report;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleDocs;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: totals, what is new against the baseline, a per-crate table, the top
 * findings (loudest first) with links to the rule documents, and skipped or broken files. Always
 * under {@value #LIMIT} characters (GitHub rejects comments over 65,536); what does not fit is
 * counted in a note.
 */
public final class MarkdownReportWriter implements ReportWriter {
    public static final int LIMIT = 65_000;
    /** Room kept for the closing notes after the findings table. */
    private static final int RESERVE = 6_000;
    private static final int MAX_ROWS = 200;

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

        List<Site> top = new ArrayList<>(reported.stream().filter(s -> !s.testOnly()).toList());
        top.sort(Comparator.comparingInt((Site s) -> -Levels.rank(s.severity()))
                .thenComparing(s -> s.category().ordinal() == 0 ? 1 : 0)
                .thenComparing(Site::path).thenComparingInt(s -> s.span().startLine()));
        long testOnly = reported.stream().filter(Site::testOnly).count();
        if (!top.isEmpty()) {
            md.append(model.baseline().isPresent() ? "### New findings\n\n" : "### Top findings\n\n");
            md.append("| Level | Rule | Location | Message |\n|---|---|---|---|\n");
            int shown = 0;
            for (Site s : top) {
                String row = "| " + levelLabel(s) + " | [`" + s.ruleId() + "`](" + RuleDocs.url(s.ruleId()) + ") | `"
                        + code(s.path()) + ":" + s.span().startLine() + ":" + s.span().startColumn() + "` | "
                        + cell(s.message()) + " |\n";
                if (shown >= MAX_ROWS || md.length() + row.length() > LIMIT - RESERVE) {
                    break;
                }
                md.append(row);
                shown++;
            }
            if (shown < top.size()) {
                md.append("\n_… and ").append(top.size() - shown).append(" more not shown here (a comment holds at most ")
                        .append(LIMIT).append(" characters); see the SARIF or HTML report for all of them._\n");
            }
            md.append('\n');
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

    private static void crateTable(StringBuilder md, ReportModel model) {
        if (model.crates().isEmpty()) {
            return;
        }
        md.append("| Crate | `unsafe_code` | blocks | fns | impls | traits | extern | casts | operations | SAFETY comments |\n")
                .append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        int rows = 0;
        for (CrateReport c : model.crates()) {
            if (rows++ >= 50) {
                md.append("| … ").append(model.crates().size() - 50).append(" more crates | | | | | | | | | |\n");
                break;
            }
            int ops = 0;
            for (UnsafeKinds.Kind k : UnsafeKinds.OPERATIONS) {
                ops += c.counts().get(k.ruleId());
            }
            md.append("| ").append(cell(c.displayName())).append(" | ").append(c.policy().label()).append(" | ")
                    .append(c.counts().get("unsafe-block")).append(" | ").append(c.counts().get("unsafe-fn")).append(" | ")
                    .append(c.counts().get("unsafe-impl")).append(" | ").append(c.counts().get("unsafe-trait")).append(" | ")
                    .append(c.counts().get("extern-block")).append(" | ").append(c.counts().get("raw-pointer-cast")).append(" | ")
                    .append(ops).append(" | ").append(c.safetyComments().percentText()).append(" |\n");
        }
        md.append('\n');
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
