package dev.unsafehints.analysis;

import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.grammar.SyntaxError;
import dev.unsafehints.parse.SourceDocument;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
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

    public Analyzer() {
        this(RuleCatalog.all());
    }

    public Analyzer(List<RuleDescriptor> rules) {
        this(rules, false);
    }

    private Analyzer(List<RuleDescriptor> rules, boolean keepCodeTokens) {
        this.rules = List.copyOf(rules);
        this.keepCodeTokens = keepCodeTokens;
    }

    /**
     * The same analysis, whose results also carry the file's code tokens ({@link FileAnalysis#codeTokens}),
     * for report writers that read tokens; the language server does without them.
     */
    public Analyzer keepingCodeTokens() {
        return new Analyzer(rules, true);
    }

    public FileAnalysis analyze(SourceDocument document, AnalysisSettings settings, WorkspaceIndex index) {
        return DeepStack.call(() -> analyzeHere(document, settings, index));
    }

    private FileAnalysis analyzeHere(SourceDocument document, AnalysisSettings settings, WorkspaceIndex index) {
        SourceText source = new SourceText(document.text());
        ParsedFile parsed = RustParsing.parseUnsafeRelevant(document.text(), document.crate().edition());
        FileModel model = new FileModel(document, source, parsed, index, settings);
        List<SyntaxProblem> problems = syntaxProblems(parsed, source, model.offsets());
        List<String> notes = new ArrayList<>();
        if (!problems.isEmpty()) {
            notes.add("the file has " + problems.size() + " syntax error(s); findings inside the broken"
                    + " code may be missing, findings elsewhere are reported");
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
        return new FileAnalysis(document.path(), source, parsed.edition(), findings, problems,
                summarize(findings, model), notes,
                keepCodeTokens ? CodeTokens.of(parsed.tokens().getTokens(), model.offsets()) : CodeTokens.NONE);
    }

    /** Records, per finding, the #[cfg] conditions that guard it (property "cfg", joined by " && "). */
    private static void attachCfg(FileModel model, List<Finding> findings) {
        if (!model.source().text().contains("cfg")) {
            return;
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.range().start()));
        int[] offsets = findings.stream().mapToInt(f -> f.range().start()).toArray();
        List<List<String>> conditions = CfgConditions.at(model, offsets);
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            List<String> cfg = conditions.get(i);
            if (!cfg.isEmpty()) {
                Map<String, String> props = new java.util.HashMap<>(f.properties());
                props.put("cfg", String.join(" && ", cfg));
                findings.set(i, new Finding(f.ruleId(), f.severity(), f.message(), f.range(), f.related(), f.fixes(), props));
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

    private static FileSummary summarize(List<Finding> findings, FileModel model) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : findings) {
            counts.merge(f.ruleId(), 1, Integer::sum);
        }
        UnsafeFacts facts = model.facts();
        int blocks = facts.blocks().size();
        int documentedBlocks = (int) facts.blocks().stream().filter(UnsafeBlockFact::isSafetyCommented).count();
        int unsafeFns = (int) facts.functions().stream().filter(FunctionFact::isUnsafe).count();
        int documentedFns = (int) facts.functions().stream()
                .filter(f -> f.isUnsafe() && f.hasSafetySection()).count();
        return new FileSummary(counts, blocks, documentedBlocks, unsafeFns, documentedFns);
    }
}
