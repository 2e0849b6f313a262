package dev.unsafehints.lsp.features;

import dev.unsafehints.analysis.Finding;
import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic tokens for unsafe operations: the range of every finding of an OPERATION rule becomes
 * a token with the {@code unsafe} modifier, so themes can mark where safety is suspended.
 *
 * <p>Legend (stable; clients key colours on it): token types {@code operator} (raw pointer
 * dereference and other operations), {@code function} (call of an unsafe fn), {@code variable}
 * (use of a {@code static mut}), {@code property} (union field access), {@code macro} (inline
 * assembly); one modifier, {@code unsafe}, set on every token. Ranges spanning lines are split per
 * line unless the client accepts multi-line tokens; overlapping ranges keep the earlier token.
 */
public final class SemanticTokensBuilder {
    public static final List<String> TOKEN_TYPES = List.of("operator", "function", "variable", "property", "macro");
    public static final List<String> TOKEN_MODIFIERS = List.of("unsafe");
    private static final int UNSAFE_MODIFIER_BITS = 1;
    /** Each operation rule's token type, as the rule declares it ({@link RuleInfo#tokenType()}). */
    private static final Map<String, String> TYPE_BY_RULE = RuleCatalog.all().stream()
            .filter(r -> !r.tokenType().isEmpty())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(RuleDescriptor::id, RuleDescriptor::tokenType));

    private final RuleLookup rules;

    public SemanticTokensBuilder(RuleLookup rules) {
        this.rules = rules;
    }

    public static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(TOKEN_TYPES, TOKEN_MODIFIERS);
    }

    private record Token(int line, int start, int length, int type) {
    }

    public SemanticTokens tokens(AnalyzedDocument doc, boolean multiline) {
        SourceText source = doc.source();
        List<Token> tokens = new ArrayList<>();
        for (Finding f : doc.findings()) {
            if (rules.category(f.ruleId()) != RuleInfo.Category.OPERATION || f.range().length() == 0) {
                continue;
            }
            int type = TOKEN_TYPES.indexOf(TYPE_BY_RULE.getOrDefault(f.ruleId(), "operator"));
            int startLine = source.lineOf(f.range().start());
            int endLine = source.lineOf(f.range().end());
            if (multiline || startLine == endLine) {
                int col = f.range().start() - source.lineStart(startLine);
                tokens.add(new Token(startLine, col, f.range().length(), type));
                continue;
            }
            for (int line = startLine; line <= endLine; line++) {
                int from = Math.max(f.range().start(), source.lineStart(line));
                int to = Math.min(f.range().end(), source.lineEndExcludingBreak(line));
                String piece = source.text().substring(from, to);
                int lead = piece.length() - piece.stripLeading().length();
                if (to - from - lead > 0) {
                    tokens.add(new Token(line, from + lead - source.lineStart(line), to - from - lead, type));
                }
            }
        }
        tokens.sort(Comparator.comparingInt(Token::line).thenComparingInt(Token::start));
        List<Integer> data = new ArrayList<>(tokens.size() * 5);
        int prevLine = 0;
        int prevStart = 0;
        int prevEnd = -1; // end column of the previous token on prevLine, to drop overlaps
        for (Token t : tokens) {
            if (t.line == prevLine && t.start < prevEnd) {
                continue;
            }
            data.add(t.line - prevLine);
            data.add(t.line == prevLine ? t.start - prevStart : t.start);
            data.add(t.length);
            data.add(t.type);
            data.add(UNSAFE_MODIFIER_BITS);
            prevLine = t.line;
            prevStart = t.start;
            prevEnd = t.start + t.length;
        }
        return new SemanticTokens(data);
    }
}
