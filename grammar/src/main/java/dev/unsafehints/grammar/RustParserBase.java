package dev.unsafehints.grammar;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Support code for the generated parser: two context rules of Rust that a context-free grammar
 * cannot state, kept as cheap checks of parser state (no lookahead of their own).
 *
 * <ul>
 *   <li>Struct literals are not allowed in conditions and scrutinees ({@code if x == S {}} compares
 *       with {@code S}); they are again inside parentheses, brackets and blocks. A stack of flags,
 *       pushed by the rules {@code condition}, {@code scrutinee}, {@code nested}, {@code blockExpression}.</li>
 *   <li>A block-like expression ({@code unsafe {}}, {@code if}, {@code match}, ...) at the start of a
 *       statement or match arm ends it: {@code unsafe { f() } *p = 1;} is two statements. A stack of
 *       the token index where each statement's expression starts.</li>
 * </ul>
 */
public abstract class RustParserBase extends Parser {
    private boolean[] structAllowed = new boolean[64];
    private int structDepth;
    private int[] statementStarts = new int[64];
    private int statementDepth;

    protected RustParserBase(TokenStream input) {
        super(input);
    }

    /** Clears the context stacks; called before each parse of a token stream. */
    public void resetContext() {
        structDepth = 0;
        statementDepth = 0;
    }

    protected void enterNested(boolean allowStruct) {
        if (structDepth == structAllowed.length) {
            structAllowed = java.util.Arrays.copyOf(structAllowed, structDepth * 2);
        }
        structAllowed[structDepth++] = allowStruct;
    }

    protected void exitNested() {
        if (structDepth > 0) {
            structDepth--;
        }
    }

    protected boolean structAllowed() {
        return structDepth == 0 || structAllowed[structDepth - 1];
    }

    protected void enterStatement() {
        if (statementDepth == statementStarts.length) {
            statementStarts = java.util.Arrays.copyOf(statementStarts, statementDepth * 2);
        }
        statementStarts[statementDepth++] = _input.LT(1).getTokenIndex();
    }

    protected void exitStatement() {
        if (statementDepth > 0) {
            statementDepth--;
        }
    }

    /**
     * False when the expression parsed so far is a block-like expression that started a statement
     * (or a match arm body) and has just ended with its closing brace: then an operator that may also
     * start a statement ({@code *}, {@code -}, {@code &}, {@code (}, ...) begins the next statement.
     */
    protected boolean continuesExpression() {
        if (statementDepth == 0 || _ctx == null || _ctx.start == null) {
            return true;
        }
        Token start = _ctx.start;
        if (start.getTokenIndex() != statementStarts[statementDepth - 1]) {
            return true;
        }
        Token previous = _input.LT(-1);
        if (previous == null || previous.getType() != RustLexer.RBRACE) {
            return true;
        }
        return !startsBlockLike(start.getType());
    }

    private static boolean startsBlockLike(int type) {
        switch (type) {
            case RustLexer.LBRACE:
            case RustLexer.KW_UNSAFE:
            case RustLexer.KW_IF:
            case RustLexer.KW_MATCH:
            case RustLexer.KW_LOOP:
            case RustLexer.KW_WHILE:
            case RustLexer.KW_FOR:
            case RustLexer.KW_CONST:
            case RustLexer.KW_ASYNC:
            case RustLexer.KW_GEN:
            case RustLexer.KW_TRY:
            case RustLexer.LIFETIME:
                return true;
            default:
                return false;
        }
    }
}
