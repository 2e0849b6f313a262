package dev.unsafehints.robustness;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.SyntaxProblem;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.report.FileReport;
import dev.unsafehints.report.FileReportBuilder;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.ModulePaths;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the scanner and the server do with the text of one file, in the order they do it:
 * lex and parse, collect the declarations for the workspace index, analyse with the real rules,
 * build the report entry, and convert findings to LSP diagnostics. Checks the invariants every
 * result must keep, whatever the input: nothing escapes, no rule fails internally, every range lies
 * inside the text.
 */
final class FilePipeline {
    /** The real rule catalogue; rules are created per call, so one analyzer serves every thread. */
    static final Analyzer ANALYZER = new Analyzer();
    private static final Path BASE = Path.of("/robustness");
    static final Path FILE = BASE.resolve("src/lib.rs");

    private FilePipeline() {
    }

    /** Runs the whole pipeline on a deep stack (as the scanner's workers and the server do). */
    static FileAnalysis run(String text, Edition edition) {
        return DeepStack.call(() -> runHere(text, edition));
    }

    private static FileAnalysis runHere(String text, Edition edition) {
        CrateInfo crate = new CrateInfo(null, "", "", edition);
        ParsedFile parsed = RustParsing.parse(text, edition);
        WorkspaceIndex index = WorkspaceIndex.empty();
        index.update(crate, FileDeclarations.of(FILE, ModulePaths.of(FILE, crate), parsed, text));
        FileAnalysis analysis = ANALYZER.analyze(new SourceDocument(FILE, text, crate), AnalysisSettings.DEFAULT, index);
        check(analysis, text);
        FileReport report = new FileReportBuilder(BASE).build(analysis, "", "", false);
        if (report.sites().size() != analysis.findings().size()) {
            throw new AssertionError("the report lost findings: " + report.sites().size() + " of " + analysis.findings().size());
        }
        FindingConverter.diagnostics(analysis.findings(), analysis.source(), FILE.toUri().toString());
        return analysis;
    }

    /** The invariants of one analysis; an AssertionError names the first one broken. */
    static void check(FileAnalysis analysis, String text) {
        for (String note : analysis.notes()) {
            if (note.contains("failed on this file") || note.contains("nests too deeply")) {
                throw new AssertionError("internal failure: " + note);
            }
        }
        for (Finding f : analysis.findings()) {
            inside(f.range(), text, f.ruleId());
            for (RelatedLocation r : f.related()) {
                if (r.file() == null || r.file().equals(FILE)) { // others point into other files
                    inside(r.range(), text, f.ruleId() + " related location");
                }
            }
            for (Fix fix : f.fixes()) {
                for (TextEdit e : fix.edits()) {
                    inside(e.range(), text, f.ruleId() + " fix '" + fix.title() + "'");
                }
            }
        }
        for (SyntaxProblem p : analysis.syntaxProblems()) {
            inside(p.range(), text, "syntax problem " + p.message());
        }
        if (analysis.findings().size() > text.length() + 1) {
            throw new AssertionError(analysis.findings().size() + " findings for " + text.length() + " characters");
        }
    }

    private static void inside(TextRange range, String text, String what) {
        if (range.end() > text.length()) {
            throw new AssertionError(what + ": range " + range + " ends past the text (" + text.length() + ")");
        }
    }

    /** The findings as comparable lines: rule, message and the text they point at. */
    static List<String> describe(FileAnalysis analysis, int from, int to) {
        return analysis.findings().stream()
                .filter(f -> f.range().start() >= from && f.range().end() <= to)
                .map(f -> f.ruleId() + " " + f.severity() + " @" + (f.range().start() - from) + "+"
                        + f.range().length() + " " + f.message())
                .toList();
    }
}
