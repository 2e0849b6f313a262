package dev.unsafehints.macros;

import dev.unsafehints.grammar.RustLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * A run of tokens with its delimiters paired: {@code closer(i)} is where the group opened at
 * {@code i} closes, so a token tree is one step away however large it is.
 */
final class TokenRun {
    private final List<? extends Token> tokens;
    private final int[] closers;

    private TokenRun(List<? extends Token> tokens, int[] closers) {
        this.tokens = tokens;
        this.closers = closers;
    }

    /** The run, or an exception when its delimiters do not pair up. */
    static TokenRun of(List<? extends Token> tokens) {
        int[] closers = new int[tokens.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            closers[i] = -1;
            if (isOpen(type)) {
                open.push(i);
            } else if (isClose(type)) {
                if (open.isEmpty() || closerOf(tokens.get(open.peek()).getType()) != type) {
                    throw new ExpansionException("unbalanced delimiters at `" + tokens.get(i).getText() + "`");
                }
                closers[open.pop()] = i;
            }
        }
        if (!open.isEmpty()) {
            throw new ExpansionException("unclosed `" + tokens.get(open.peek()).getText() + "`");
        }
        return new TokenRun(tokens, closers);
    }

    int size() {
        return tokens.size();
    }

    Token get(int i) {
        return tokens.get(i);
    }

    List<? extends Token> tokens() {
        return tokens;
    }

    List<? extends Token> slice(int from, int to) {
        return tokens.subList(from, to);
    }

    /** The closing delimiter of the group opened at {@code i}, or -1 when {@code i} opens none. */
    int closer(int i) {
        return closers[i];
    }

    /** Just past the token tree that starts at {@code i}. */
    int treeEnd(int i) {
        return closers[i] >= 0 ? closers[i] + 1 : i + 1;
    }

    static boolean isOpen(int type) {
        return type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LBRACE;
    }

    static boolean isClose(int type) {
        return type == RustLexer.RPAREN || type == RustLexer.RBRACKET || type == RustLexer.RBRACE;
    }

    static int closerOf(int open) {
        return open == RustLexer.LPAREN ? RustLexer.RPAREN : open == RustLexer.LBRACKET ? RustLexer.RBRACKET
                : RustLexer.RBRACE;
    }
}
