package dev.unsafehints.engine;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.CfgConditions;
import dev.unsafehints.analysis.CodeTokens;
import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.FileStructure;
import dev.unsafehints.analysis.FileSummary;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.SyntaxProblem;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.grammar.LexedSource;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.grammar.SyntaxError;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analysis API: text in, plain findings out. Knows nothing of LSP or report formats; the
 * language server, the scanner and the report writers all call {@link #analyze}. Thread-safe: rules
 * are created per call.
 */
public final class Analyzer {
    private final List<RuleDescriptor> rules;
    private final boolean keepCodeTokens;
    private final boolean keepDeclarations;

    public Analyzer() {
        this(RuleCatalog.all());
    }

    public Analyzer(List<RuleDescriptor> rules) {
        this(rules, false, false);
    }

    private Analyzer(List<RuleDescriptor> rules, boolean keepCodeTokens, boolean keepDeclarations) {
        this.rules = List.copyOf(rules);
        this.keepCodeTokens = keepCodeTokens;
        this.keepDeclarations = keepDeclarations;
    }

    /**
     * The same analysis, whose results also carry the file's code tokens ({@link FileAnalysis#codeTokens}),
     * for report writers that read tokens and for {@link #analyzeEdit}.
     */
    public Analyzer keepingCodeTokens() {
        return new Analyzer(rules, true, keepDeclarations);
    }

    /**
     * The same analysis, whose results also carry what the file declares to other files
     * ({@link FileAnalysis#declarations}), detached from the parse, when it has no syntax errors:
     * the language server puts them into the workspace index after each edit instead of parsing
     * the file again.
     */
    public Analyzer keepingDeclarations() {
        return new Analyzer(rules, keepCodeTokens, true);
    }

    public FileAnalysis analyze(SourceDocument document, AnalysisSettings settings, WorkspaceIndex index) {
        return DeepStack.call(() -> analyzeHere(document, settings, index, null));
    }

    /**
     * As {@link #analyze(SourceDocument, AnalysisSettings, WorkspaceIndex)}, parsing from the tokens an
     * earlier parse of the document's text lexed (the scanner's index pass) when they are of this
     * very text and edition; the result is the same.
     */
    public FileAnalysis analyze(SourceDocument document, AnalysisSettings settings, WorkspaceIndex index,
                                LexedSource lexed) {
        return DeepStack.call(() -> analyzeHere(document, settings, index, lexed));
    }

    /**
     * The analysis of a new version of a file whose previous version was analysed with the same
     * settings and index. When the edit lies inside one function body, only that function is
     * parsed and analysed again; the findings of every other function are taken over from
     * {@code previous} (moved by the length change). The result is the same as {@link #analyze}'s
     * (EditReanalysisTest checks this on real files); when the edit is anywhere else, it is
     * {@link #analyze}'s.
     */
    public FileAnalysis analyzeEdit(FileAnalysis previous, SourceDocument document, AnalysisSettings settings,
                                    WorkspaceIndex index) {
        return DeepStack.call(() -> EditReanalysis.of(this, previous, document, settings, index)
                .orElseGet(() -> analyzeHere(document, settings, index, null)));
    }

    private FileAnalysis analyzeHere(SourceDocument document, AnalysisSettings settings, WorkspaceIndex index,
                                     LexedSource lexed) {
        java.util.Set<String> macroSigns = MacroSigns.of(document, index);
        ParsedFile parsed = lexed != null && lexed.isOf(document.text(), document.crate().edition())
                ? RustParsing.parseUnsafeRelevant(document.text(), lexed, macroSigns)
                : RustParsing.parseUnsafeRelevant(document.text(), document.crate().edition(), macroSigns);
        return analyzeParsed(document, parsed, settings, index);
    }

    /** The note a file with syntax errors gets. */
    static String syntaxNote(int errors) {
        return "the file has " + errors + " syntax error(s); findings inside the broken"
                + " code may be missing, findings elsewhere are reported";
    }

    FileAnalysis analyzeParsed(SourceDocument document, ParsedFile parsed, AnalysisSettings settings,
                               WorkspaceIndex index) {
        return analyzeParsed(document, parsed, settings, index, null);
    }

    /** {@code knownDeclarations}: this text's declarations when the caller knows them, else null. */
    FileAnalysis analyzeParsed(SourceDocument document, ParsedFile parsed, AnalysisSettings settings,
                               WorkspaceIndex index, FileDeclarations knownDeclarations) {
        SourceText source = new SourceText(document.text());
        FileModel model = new FileModel(document, source, parsed, index, settings);
        if (knownDeclarations != null) {
            model.useDeclarations(knownDeclarations);
        }
        List<SyntaxProblem> problems = syntaxProblems(parsed, source, model.offsets());
        List<String> notes = new ArrayList<>();
        if (!problems.isEmpty()) {
            notes.add(syntaxNote(problems.size()));
        }

        Suppressions suppressions = Suppressions.of(model);
        List<Finding> findings = new ArrayList<>();
        for (RuleDescriptor descriptor : rules) {
            Severity configured = settings.severityOverride(descriptor.id()).orElse(null);
            if (configured == Severity.OFF) {
                continue;
            }
            Rule rule = descriptor.newInstance();
            FindingSink sink = (range, message, related, fixes, properties, siteSeverity) -> {
                if (!suppressions.isSuppressed(descriptor.id(), range, source)) {
                    Severity severity = configured != null ? configured
                            : siteSeverity != null ? siteSeverity : descriptor.defaultSeverity();
                    findings.add(new Finding(descriptor.id(), severity, message, range, related, fixes, properties));
                }
            };
            try {
                rule.check(model, sink);
            } catch (RuntimeException | StackOverflowError | LinkageError e) {
                notes.add("rule " + descriptor.id() + " failed on this file and was skipped: " + e);
            }
        }
        attachCfg(model, findings);
        if (model.factsFailure() != null) {
            notes.add(model.factsFailure());
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.range().start()).thenComparing(Finding::ruleId));
        FileStructure structure = structure(model, parsed);
        return new FileAnalysis(document.path(), source, parsed.edition(), findings, problems,
                summarize(findings, structure), notes,
                keepCodeTokens ? CodeTokens.of(parsed.lexedCode(), model.offsets()) : CodeTokens.NONE,
                structure, keepDeclarations && problems.isEmpty() // (a broken file's recovery depends on the parse)
                        ? java.util.Optional.of(model.declarations().detached()) : java.util.Optional.empty());
    }

    /** Records, per finding, the #[cfg] conditions that guard it ({@link Finding#cfg()}). */
    private static void attachCfg(FileModel model, List<Finding> findings) {
        if (!model.source().text().contains("cfg")) {
            return;
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.range().start()));
        int[] offsets = findings.stream().mapToInt(f -> f.range().start()).toArray();
        List<List<String>> conditions = CfgConditions.at(model, offsets);
        for (int i = 0; i < findings.size(); i++) {
            List<String> cfg = conditions.get(i);
            if (!cfg.isEmpty()) {
                findings.set(i, findings.get(i).withCfg(cfg));
            }
        }
    }

    private static List<SyntaxProblem> syntaxProblems(ParsedFile parsed, SourceText source, TokenOffsets offsets) {
        List<SyntaxProblem> problems = new ArrayList<>();
        for (SyntaxError e : parsed.errors()) {
            int start = e.startIndex() >= 0 ? offsets.toUtf16(e.startIndex())
                    : source.offsetAt(new TextPosition(e.line() - 1, e.column()));
            int end = e.stopIndex() >= e.startIndex() && e.startIndex() >= 0 ? offsets.toUtf16(e.stopIndex() + 1) : start;
            problems.add(new SyntaxProblem(new TextRange(start, Math.max(start, end)), e.message()));
        }
        return problems;
    }

    /** Where the function bodies are (all of them: parsed or left out) and what the summary counts. */
    private static FileStructure structure(FileModel model, ParsedFile parsed) {
        java.util.TreeMap<Integer, Integer> bodies = new java.util.TreeMap<>();
        for (int[] pairs : new int[][] {parsed.bodies().judged(), parsed.bodies().dropped()}) {
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                bodies.put(model.offsets().toUtf16(pairs[i]), model.offsets().toUtf16(pairs[i + 1]));
            }
        }
        int[] flat = new int[bodies.size() * 2];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : bodies.entrySet()) {
            flat[k++] = e.getKey();
            flat[k++] = e.getValue();
        }
        List<FileStructure.CountedSite> counted = new ArrayList<>();
        UnsafeFacts facts = model.facts();
        for (UnsafeBlockFact b : facts.blocks()) {
            counted.add(FileStructure.CountedSite.block(b.range().start(), b.isSafetyCommented(), b.safetyComment()));
        }
        for (FunctionFact f : facts.functions()) {
            if (f.isUnsafe()) {
                counted.add(FileStructure.CountedSite.function(f.itemRange().start(), f.hasSafetySection(), f.safetySection()));
            }
        }
        return new FileStructure(flat, counted);
    }

    static FileSummary summarize(List<Finding> findings, FileStructure structure) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : findings) {
            counts.merge(f.ruleId(), 1, Integer::sum);
        }
        int blocks = 0;
        int documentedBlocks = 0;
        int unsafeFns = 0;
        int documentedFns = 0;
        for (FileStructure.CountedSite c : structure.counted()) {
            if (c.block()) {
                blocks++;
                documentedBlocks += c.documented() ? 1 : 0;
            } else {
                unsafeFns++;
                documentedFns += c.documented() ? 1 : 0;
            }
        }
        return new FileSummary(counts, blocks, documentedBlocks, unsafeFns, documentedFns);
    }
}
