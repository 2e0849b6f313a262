package dev.unsafehints.grammar;

import java.util.BitSet;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Error recovery and messages of the full-LL stage, which parses files that have syntax errors.
 *
 * <p>Recovery is ANTLR's: report, then insert or drop one token if that fixes the input, else skip
 * to a token that can follow one of the rules being parsed (an item loop accepts the next
 * {@code fn}, a block the next statement or its {@code '}'}). Two changes keep one error from
 * swallowing the items after it:
 * <ul>
 *   <li>A keyword that begins an item ({@code fn}, {@code struct}, {@code impl}, {@code let}, ...) is
 *       never dropped as a stray token: in {@code pub unsafe fn f()} inside an unclosed struct, the
 *       {@code fn} ends the struct instead of {@code f} becoming a field name.</li>
 *   <li>A missing {@code !} of a macro call is never made up: it would turn the block after it into
 *       a macro's token tree, hiding every item in it ({@code Buffer { fn a() {} }} after a
 *       deleted {@code impl}).</li>
 * </ul>
 * Messages are written for a Rust programmer (see SyntaxMessages).
 */
final class RustErrorStrategy extends DefaultErrorStrategy {
    /** Keywords that begin an item: recovery never drops one as a stray token. */
    private static final BitSet ITEM_KEYWORDS = new BitSet();

    static {
        for (int type : new int[] {RustLexer.KW_FN, RustLexer.KW_STRUCT, RustLexer.KW_ENUM, RustLexer.KW_TRAIT,
                RustLexer.KW_IMPL, RustLexer.KW_MOD, RustLexer.KW_USE, RustLexer.KW_STATIC, RustLexer.KW_EXTERN,
                RustLexer.KW_TYPE, RustLexer.KW_MACRORULES, RustLexer.KW_LET}) {
            ITEM_KEYWORDS.set(type);
        }
    }

    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
        int next = recognizer.getInputStream().LA(1);
        if (next >= 0 && ITEM_KEYWORDS.get(next)) {
            return null;
        }
        return super.singleTokenDeletion(recognizer);
    }

    @Override
    protected boolean singleTokenInsertion(Parser recognizer) {
        if (isOpening(recognizer.getInputStream().LA(1)) && recognizer.getExpectedTokens().contains(RustLexer.NOT)) {
            return false;
        }
        return super.singleTokenInsertion(recognizer);
    }

    private static boolean isOpening(int type) {
        return type == RustLexer.LBRACE || type == RustLexer.LPAREN || type == RustLexer.LBRACKET;
    }

    // ---- messages

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        report(recognizer, e.getOffendingToken(),
                SyntaxMessages.unexpected(recognizer.getContext(), e.getOffendingToken(), expected(recognizer)), e);
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        report(recognizer, e.getOffendingToken(),
                SyntaxMessages.unexpected(recognizer.getContext(), e.getOffendingToken(), e.getExpectedTokens()), e);
    }

    @Override
    protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
        report(recognizer, e.getOffendingToken(), SyntaxMessages.failedPredicate(recognizer.getContext(), e), e);
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        report(recognizer, t, SyntaxMessages.unexpected(recognizer.getContext(), t, getExpectedTokens(recognizer)), null);
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        report(recognizer, t, SyntaxMessages.missing(getExpectedTokens(recognizer), t), null);
    }

    /** What the parser could take at its current state (no list when it cannot tell). */
    private static IntervalSet expected(Parser recognizer) {
        try {
            return recognizer.getExpectedTokens();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void report(Parser recognizer, Token at, String message, RecognitionException e) {
        recognizer.notifyErrorListeners(at, message, e);
    }
}
