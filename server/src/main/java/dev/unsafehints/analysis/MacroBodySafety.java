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
        List<Site> sites = new ArrayList<>();
        for (MacroTextUnsafe.Site site : model.macroTextUnsafe()) {
            if ((site.kind() == MacroTextUnsafe.Kind.BLOCK || site.kind() == MacroTextUnsafe.Kind.IMPL)
                    && !documented(model, site.keyword(), site.next())) {
                sites.add(new Site(site.keyword(), site.next(), site.macro()));
            }
        }
        return sites;
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
}
