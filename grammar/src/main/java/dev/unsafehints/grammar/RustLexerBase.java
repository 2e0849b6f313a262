package dev.unsafehints.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Support code for the generated lexer: edition-dependent keywords, the "1." float rule, and
 * lexical errors.
 *
 * <p>Keywords are re-typed after matching, so the lexer DFA stays free of predicates.
 *
 * <p>The grammar's catch-all {@code UNKNOWN} rule means ANTLR itself never fails to lex; what Rust
 * rejects shows up here instead and is recorded in {@link #lexicalErrors()}: a character that starts
 * no token, a string or block comment that is never closed (these swallow the rest of the file, as
 * in rustc, so that the parser does not report the junk after them), and a broken character literal.
 */
public abstract class RustLexerBase extends Lexer {
    private Edition edition = Edition.DEFAULT;
    private final List<SyntaxError> lexicalErrors = new ArrayList<>();

    protected RustLexerBase(CharStream input) {
        super(input);
    }

    public void setEdition(Edition edition) {
        this.edition = edition;
    }

    public Edition getEdition() {
        return edition;
    }

    /** The lexical errors found so far, in input order. */
    public List<SyntaxError> lexicalErrors() {
        return lexicalErrors;
    }

    @Override
    public Token nextToken() {
        Token token = super.nextToken();
        int type = token.getType();
        if (type == RustLexer.KW_GEN && edition.compareTo(Edition.E2024) < 0
                || (type == RustLexer.KW_ASYNC || type == RustLexer.KW_AWAIT || type == RustLexer.KW_TRY)
                   && edition == Edition.E2015) {
            ((CommonToken) token).setType(RustLexer.IDENTIFIER);
        } else if (type == RustLexer.SLASH && _input.LA(1) == '*') {
            // "/*" that the BLOCK_COMMENT rule did not take: no matching "*/" before the end of the file.
            error(token, 2, "unterminated block comment: this `/*` is never closed by `*/`");
            swallowRest((CommonToken) token, RustLexer.BLOCK_COMMENT, HIDDEN);
        } else if (type == RustLexer.UNKNOWN) {
            unknown((CommonToken) token);
        }
        return token;
    }

    private void unknown(CommonToken token) {
        int c = token.getText().codePointAt(0);
        if (c == '"') {
            error(token, 1, "unterminated string literal: this `\"` has no closing `\"`");
            swallowRest(token, RustLexer.STRING_LITERAL, DEFAULT_TOKEN_CHANNEL);
        } else if (c == '\'') {
            error(token, 1, "invalid character literal: a character literal is one character or escape"
                    + " between single quotes, like `'a'` or `'\\n'`");
        } else {
            error(token, 1, "unknown start of token: " + describe(c));
        }
    }

    private static String describe(int c) {
        String name = Character.getName(c);
        String shown = Character.isISOControl(c) ? "" : "`" + new String(Character.toChars(c)) + "` ";
        return shown + String.format("(U+%04X%s)", c, name == null ? "" : " " + name);
    }

    private void error(Token token, int length, String message) {
        lexicalErrors.add(new SyntaxError(token.getLine(), token.getCharPositionInLine(), token.getStartIndex(),
                token.getStartIndex() + length - 1, "syntax error: " + message));
    }

    /** Extends the token to the end of the input, so that lexing ends there. */
    private void swallowRest(CommonToken token, int type, int channel) {
        while (_input.LA(1) != IntStream.EOF) {
            getInterpreter().consume(_input); // keeps line and column of the EOF token right
        }
        token.setType(type);
        token.setChannel(channel);
        token.setStopIndex(_input.index() - 1);
    }

    /** After "1.": true when a '.', '_' or identifier character follows, so "1." is not a float. */
    protected boolean followsFloatDot() {
        int next = _input.LA(1);
        return next == '.' || next == '_' || Character.isUnicodeIdentifierStart(next);
    }
}
