package dev.unsafehints.grammar;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Support code for the generated lexer: edition-dependent keywords ({@code dyn} of 2015 is one only
 * before a bound), the "1." float rule, two tokens that the parser needs split ({@code x.0. y},
 * {@code :::}), and lexical errors.
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

    /** A token made by splitting the last one, handed out next. */
    private Token pending;
    /** Type of the last token handed out on the default channel. */
    private int previousCode = Token.INVALID_TYPE;

    @Override
    public Token nextToken() {
        Token token = pending;
        pending = null;
        if (token == null) {
            token = lex();
        }
        if (token.getChannel() == DEFAULT_TOKEN_CHANNEL) {
            previousCode = token.getType();
        }
        return token;
    }

    @Override
    public void reset() {
        super.reset();
        pending = null;
        previousCode = Token.INVALID_TYPE;
    }

    private Token lex() {
        Token token = super.nextToken();
        int type = token.getType();
        if (type == RustLexer.FLOAT_LITERAL && previousCode == RustLexer.DOT && token.getText().endsWith(".")) {
            // A tuple index followed by a dot and a space: `x.0. await` is `x.0` then `.await`.
            return split((CommonToken) token, RustLexer.INTEGER_LITERAL, token.getText().length() - 1, RustLexer.DOT);
        }
        if (type == RustLexer.PATHSEP && _input.LA(1) == ':') {
            // `:::` is `:` then `::`, as in `let (): ::T = ..` written without the space.
            getInterpreter().consume(_input);
            ((CommonToken) token).setStopIndex(token.getStopIndex() + 1);
            return split((CommonToken) token, RustLexer.COLON, 1, RustLexer.PATHSEP);
        }
        if (type == RustLexer.KW_DYN && edition == Edition.E2015 && !startsBound()) {
            // In edition 2015 `dyn` is a keyword only before what can start a trait bound.
            ((CommonToken) token).setType(RustLexer.IDENTIFIER);
            return token;
        }
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

    /**
     * Splits {@code token} after {@code firstLength} characters (all on its line): returns the first
     * part as {@code firstType} and keeps the rest, typed {@code secondType}, for the next call.
     */
    private Token split(CommonToken token, int firstType, int firstLength, int secondType) {
        CommonToken second = new CommonToken(token);
        second.setType(secondType);
        second.setStartIndex(token.getStartIndex() + firstLength);
        second.setCharPositionInLine(token.getCharPositionInLine() + firstLength);
        second.setText(null);
        token.setType(firstType);
        token.setStopIndex(token.getStartIndex() + firstLength - 1);
        token.setText(null);
        pending = second;
        return token;
    }

    /**
     * After {@code dyn}: whether the next token (past spaces and comments on the same line) can
     * begin a trait bound: a name, a lifetime, {@code ?}, {@code (} or {@code for}. A field named
     * {@code dyn} is followed by {@code :}, {@code ,} or the like.
     */
    private boolean startsBound() {
        int i = 1;
        while (true) {
            int c = _input.LA(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '/' && _input.LA(i + 1) == '*') {
                i += 2;
                while (_input.LA(i) != IntStream.EOF && !(_input.LA(i) == '*' && _input.LA(i + 1) == '/')) {
                    i++;
                }
                i += 2;
            } else {
                return c == '\'' || c == '?' || c == '(' || c == '_' || Character.isUnicodeIdentifierStart(c);
            }
        }
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
