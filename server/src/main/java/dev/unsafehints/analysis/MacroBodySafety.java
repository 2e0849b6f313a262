package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.parse.CommentTokens;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

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
        List<Token> code = new ArrayList<>();
        for (Token t : model.parsed().tokens().getTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                code.add(t);
            }
        }
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i + 3 < code.size(); i++) { // macro_rules ! NAME { ... }
            if (code.get(i).getType() == RustLexer.KW_MACRORULES && code.get(i + 1).getType() == RustLexer.NOT
                    && isOpen(code.get(i + 3).getType())) {
                i = scan(model, code, i + 3, code.get(i + 2).getText(), sites);
            }
        }
        return sites;
    }

    /**
     * The transcribers of the body opening at {@code open}: at its top level, each group that
     * follows `=>`. Returns the index of the body's closing token.
     */
    private static int scan(FileModel model, List<Token> all, int open, String macro, List<Site> sites) {
        int close = open;
        for (int depth = 0; close < all.size(); close++) {
            int type = all.get(close).getType();
            depth += isOpen(type) ? 1 : isClose(type) ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        List<Token> code = all.subList(open + 1, Math.min(close, all.size()));
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
                    sites.add(new Site(t, next, macro));
                }
            }
        }
        return close;
    }

    private static boolean documented(FileModel model, Token unsafeKeyword, Token next) {
        Comments comments = model.comments();
        CommonTokenStream tokens = model.parsed().tokens();
        if (CommentTokens.hasSafetyMarker(comments.directlyAbove(unsafeKeyword))
                || CommentTokens.hasSafetyMarker(comments.directlyAbove(firstOnLine(tokens, unsafeKeyword)))
                || CommentTokens.hasSafetyMarker(comments.directlyAbove(attributesBefore(tokens, unsafeKeyword)))) {
            return true;
        }
        if (next.getType() != RustLexer.LBRACE) {
            return false;
        }
        List<Token> inside = model.parsed().tokens().getHiddenTokensToRight(next.getTokenIndex());
        return inside != null && CommentTokens.hasSafetyMarker(inside);
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
