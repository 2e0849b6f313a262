package dev.unsafehints.grammar;

import java.util.ArrayDeque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * The lexer's tokens with the insides of function bodies left out: `fn f(x: u8) -> u8 { ... }`
 * reaches the parser as `fn f(x: u8) -> u8 { }`. What a file declares to other files (signatures,
 * attributes, doc comments, types, imports) is all outside bodies, and bodies hold most of a file's
 * tokens, so a declarations-only parse of this stream is several times cheaper than a full one.
 * Items declared inside a body are local to it and invisible elsewhere, so nothing is lost.
 *
 * <p>A function item is `fn` followed by anything but `(` (`fn(` is a function pointer type). Its
 * body is the first `{` after it outside parentheses, brackets and generic arguments (a `{` inside
 * them is a const generic argument's block, like `Foo<{ N + 1 }>`); a `;` first (a declaration
 * without body) or a closing bracket that was never opened (a `fn` inside a macro pattern) ends the
 * search with nothing skipped. The kept tokens have their own positions, so offsets into
 * the text stay exact; inside macro token trees the result stays balanced, because whole
 * brace-delimited groups are dropped.
 */
public final class BodySkippingTokenSource implements TokenSource {
    private final TokenSource lexer;
    private final ArrayDeque<Token> pending = new ArrayDeque<>();

    public BodySkippingTokenSource(TokenSource lexer) {
        this.lexer = lexer;
    }

    @Override
    public Token nextToken() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        Token t = lexer.nextToken();
        if (t.getType() == RustLexer.KW_FN) {
            pending.add(t);
            readSignature();
            return pending.poll();
        }
        return t;
    }

    /** Queues the tokens after `fn` up to its body's `{`, then the body's closing `}` alone. */
    private void readSignature() {
        int depth = 0; // ( [ and < nesting
        int constBlocks = 0; // { } nesting of const generic blocks
        boolean first = true;
        while (true) {
            Token t = lexer.nextToken();
            pending.add(t);
            int type = t.getType();
            if (type == Token.EOF) {
                return;
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (first) {
                first = false;
                if (type == RustLexer.LPAREN) {
                    return; // a function pointer type, not an item
                }
            }
            if (constBlocks > 0) {
                constBlocks += type == RustLexer.LBRACE ? 1 : type == RustLexer.RBRACE ? -1 : 0;
            } else if (type == RustLexer.LPAREN || type == RustLexer.LBRACKET || type == RustLexer.LT) {
                depth++;
            } else if (type == RustLexer.RPAREN || type == RustLexer.RBRACKET || type == RustLexer.GT) {
                if (--depth < 0) {
                    return;
                }
            } else if (type == RustLexer.RBRACE) {
                return;
            } else if (type == RustLexer.SEMI && depth == 0) {
                return;
            } else if (type == RustLexer.LBRACE) {
                if (depth == 0) {
                    skipBody();
                    return;
                }
                constBlocks = 1;
            }
        }
    }

    /** Drops every token up to the `}` that closes the body, which is queued. */
    private void skipBody() {
        int braces = 1;
        while (true) {
            Token t = lexer.nextToken();
            int type = t.getType();
            if (type == Token.EOF) {
                pending.add(t);
                return;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                if (type == RustLexer.LBRACE) {
                    braces++;
                } else if (type == RustLexer.RBRACE && --braces == 0) {
                    pending.add(t);
                    return;
                }
            }
        }
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
