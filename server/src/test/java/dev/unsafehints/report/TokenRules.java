package dev.unsafehints.report;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.parse.CommentTokens;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleDescriptor;
import dev.unsafehints.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Small token-level stand-ins for three real rules, so the scanner and the writers are tested with
 * findings of known positions whatever the state of the real rules: every {@code unsafe { ... }}
 * block (from the keyword to its closing brace), every {@code *name} right inside one, and blocks
 * without a SAFETY comment above.
 */
public final class TokenRules {
    private TokenRules() {
    }

    public static Analyzer analyzer() {
        return new Analyzer(List.of(
                new RuleDescriptor("unsafe-block", "Unsafe block", Severity.INFO, RuleInfo.Category.INVENTORY,
                        List.of("inventory"), Blocks.class),
                new RuleDescriptor("raw-pointer-deref", "Raw pointer dereference", Severity.WARNING,
                        RuleInfo.Category.OPERATION, List.of("operation"), Derefs.class),
                new RuleDescriptor("missing-safety-comment", "Unsafe block without a SAFETY comment", Severity.WARNING,
                        RuleInfo.Category.GUIDELINE, List.of("guideline"), MissingSafety.class)));
    }

    static List<Token> code(FileModel model) {
        List<Token> tokens = new ArrayList<>();
        for (Token t : model.parsed().tokens().getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** Index of the brace closing the one at {@code open}. */
    static int close(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).getType() == RustLexer.LBRACE) {
                depth++;
            } else if (tokens.get(i).getType() == RustLexer.RBRACE && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    static boolean opensBlock(List<Token> tokens, int i) {
        return tokens.get(i).getType() == RustLexer.KW_UNSAFE && i + 1 < tokens.size()
                && tokens.get(i + 1).getType() == RustLexer.LBRACE;
    }

    public static final class Blocks implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            List<Token> tokens = code(model);
            for (int i = 0; i < tokens.size(); i++) {
                if (opensBlock(tokens, i)) {
                    sink.report(model.rangeOf(tokens.get(i), tokens.get(close(tokens, i + 1))), "unsafe block");
                }
            }
        }
    }

    public static final class Derefs implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            List<Token> tokens = code(model);
            for (int i = 0; i < tokens.size(); i++) {
                if (opensBlock(tokens, i)) {
                    Token star = tokens.get(i + 2);
                    Token name = tokens.get(Math.min(i + 3, tokens.size() - 1));
                    if (star.getType() == RustLexer.STAR && (name.getType() == RustLexer.IDENTIFIER
                            || name.getType() == RustLexer.KW_SELFVALUE)) {
                        Token last = name;
                        if (i + 5 < tokens.size() && tokens.get(i + 4).getType() == RustLexer.DOT) {
                            last = tokens.get(i + 5);
                        }
                        sink.report(model.rangeOf(star, last), "dereference of raw pointer `"
                                + model.source().slice(model.rangeOf(name, last)) + "`", List.of(), List.of(),
                                Map.of("pointer", model.source().slice(model.rangeOf(name, last))));
                    }
                }
            }
        }
    }

    public static final class MissingSafety implements Rule {
        @Override
        public void check(FileModel model, FindingSink sink) {
            List<Token> tokens = code(model);
            for (int i = 0; i < tokens.size(); i++) {
                if (opensBlock(tokens, i)) {
                    Token anchor = tokens.get(i);
                    // the statement start: walk back over `let x =` on the same line
                    int k = i;
                    while (k > 0 && tokens.get(k - 1).getLine() == anchor.getLine()
                            && tokens.get(k - 1).getType() != RustLexer.LBRACE
                            && tokens.get(k - 1).getType() != RustLexer.SEMI) {
                        k--;
                    }
                    if (!CommentTokens.hasSafetyMarker(model.comments().directlyAbove(tokens.get(k)))) {
                        sink.report(model.rangeOf(anchor), "unsafe block without a SAFETY comment");
                    }
                }
            }
        }
    }
}
