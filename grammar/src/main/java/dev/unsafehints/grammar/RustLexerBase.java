package dev.unsafehints.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Support code for the generated lexer: edition-dependent keywords and the "1." float rule.
 * Keywords are re-typed after matching, so the lexer DFA stays free of predicates.
 */
public abstract class RustLexerBase extends Lexer {
    private Edition edition = Edition.DEFAULT;

    protected RustLexerBase(CharStream input) {
        super(input);
    }

    public void setEdition(Edition edition) {
        this.edition = edition;
    }

    public Edition getEdition() {
        return edition;
    }

    @Override
    public Token nextToken() {
        Token token = super.nextToken();
        int type = token.getType();
        if (type == RustLexer.KW_GEN && edition.compareTo(Edition.E2024) < 0
                || (type == RustLexer.KW_ASYNC || type == RustLexer.KW_AWAIT || type == RustLexer.KW_TRY)
                   && edition == Edition.E2015) {
            ((CommonToken) token).setType(RustLexer.IDENTIFIER);
        }
        return token;
    }

    /** After "1.": true when a '.', '_' or identifier character follows, so "1." is not a float. */
    protected boolean followsFloatDot() {
        int next = _input.LA(1);
        return next == '.' || next == '_' || Character.isUnicodeIdentifierStart(next);
    }
}
