package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The `unsafe { }` blocks and `unsafe impl`s written in the bodies of `macro_rules!` that have no
 * `SAFETY:` comment. A macro body is tokens, not code, until it is expanded; but the comment
 * belongs next to the `unsafe` in the macro's text, as clippy checks it there at every expansion.
 * So the check is lexical, on the transcribers (the right-hand sides of the rules): a comment on the
 * lines directly above the `unsafe`, above the first token of its line (the statement or `let`
 * holding it), or right after the block's `{`.
 */
public final class MacroBodySafety {
    /** An undocumented site: the `unsafe` keyword, the token after it (`{` or `impl`), and its macro's name. */
    public record Site(Token unsafeKeyword, Token next, String macro) {
        public boolean isImpl() {
            return next.getType() == RustLexer.KW_IMPL;
        }
    }

    private MacroBodySafety() {
    }

    public static List<Site> undocumented(FileModel model) {
        if (!model.source().text().contains("macro_rules")) {
            return List.of();
        }
        List<Site> sites = new ArrayList<>();
        Deque<ParseTree> todo = new ArrayDeque<>(List.of(model.parsed().tree()));
        while (!todo.isEmpty()) {
            ParseTree node = todo.pop();
            if (node instanceof RustParser.MacroRulesDefinitionContext m) {
                scan(model, m, sites);
                continue;
            }
            for (int i = node.getChildCount() - 1; i >= 0; i--) {
                if (node.getChild(i) instanceof ParserRuleContext child) {
                    todo.push(child);
                }
            }
        }
        return sites;
    }

    /** The transcribers: at the body's top level, each group that follows `=>`. */
    private static void scan(FileModel model, RustParser.MacroRulesDefinitionContext m, List<Site> sites) {
        CommonTokenStream tokens = model.parsed().tokens();
        List<Token> code = new ArrayList<>();
        for (int i = m.delimTokenTree().getStart().getTokenIndex() + 1; i < m.delimTokenTree().getStop().getTokenIndex(); i++) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                code.add(tokens.get(i));
            }
        }
        int depth = 0;
        boolean transcriber = false;
        for (int i = 0; i < code.size(); i++) {
            Token t = code.get(i);
            int type = t.getType();
            if (depth == 0 && isOpen(type)) {
                transcriber = i > 0 && code.get(i - 1).getType() == RustLexer.FATARROW;
            }
            depth += isOpen(type) ? 1 : isClose(type) ? -1 : 0;
            if (depth > 0 && transcriber && type == RustLexer.KW_UNSAFE && i + 1 < code.size()) {
                Token next = code.get(i + 1);
                if ((next.getType() == RustLexer.LBRACE || next.getType() == RustLexer.KW_IMPL)
                        && !documented(model, t, next)) {
                    sites.add(new Site(t, next, m.identifier().getText()));
                }
            }
        }
    }

    private static boolean documented(FileModel model, Token unsafeKeyword, Token next) {
        Comments comments = model.comments();
        CommonTokenStream tokens = model.parsed().tokens();
        if (Comments.hasSafetyMarker(comments.directlyAbove(unsafeKeyword))
                || Comments.hasSafetyMarker(comments.directlyAbove(firstOnLine(tokens, unsafeKeyword)))
                || Comments.hasSafetyMarker(comments.directlyAbove(attributesBefore(tokens, unsafeKeyword)))) {
            return true;
        }
        if (next.getType() != RustLexer.LBRACE) {
            return false;
        }
        List<Token> inside = model.parsed().tokens().getHiddenTokensToRight(next.getTokenIndex());
        return inside != null && Comments.hasSafetyMarker(inside);
    }

    /** The `#` of the first of the outer attributes right before {@code t} (`#[inline] unsafe impl`), or {@code t}. */
    private static Token attributesBefore(CommonTokenStream tokens, Token t) {
        Token first = t;
        int i = previousCode(tokens, t.getTokenIndex());
        while (i >= 0 && tokens.get(i).getType() == RustLexer.RBRACKET) {
            int depth = 0;
            int j = i;
            for (; j >= 0; j = previousCode(tokens, j)) {
                int type = tokens.get(j).getType();
                depth += type == RustLexer.RBRACKET ? 1 : type == RustLexer.LBRACKET ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            int hash = j < 0 ? -1 : previousCode(tokens, j);
            if (hash < 0 || tokens.get(hash).getType() != RustLexer.POUND) {
                break;
            }
            first = tokens.get(hash);
            i = previousCode(tokens, hash);
        }
        return first;
    }

    private static int previousCode(CommonTokenStream tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return i;
            }
        }
        return -1;
    }

    /** The first code token on the line of {@code t}. */
    private static Token firstOnLine(CommonTokenStream tokens, Token t) {
        Token first = t;
        for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
            Token before = tokens.get(i);
            if (before.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (before.getLine() < t.getLine()) {
                break;
            }
            first = before;
        }
        return first;
    }

    private static boolean isOpen(int type) {
        return type == RustLexer.LBRACE || type == RustLexer.LPAREN || type == RustLexer.LBRACKET;
    }

    private static boolean isClose(int type) {
        return type == RustLexer.RBRACE || type == RustLexer.RPAREN || type == RustLexer.RBRACKET;
    }
}
