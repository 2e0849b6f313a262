package dev.unsafehints.grammar;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Support code for the generated parser: two context rules of Rust that a context-free grammar
 * cannot state, kept as cheap checks of parser state (no lookahead of their own).
 *
 * <ul>
 *   <li>Struct literals are not allowed in conditions and scrutinees ({@code if x == S {}} compares
 *       with {@code S}); they are again inside parentheses, brackets and blocks. A stack of flags,
 *       pushed by the rules {@code condition}, {@code scrutinee}, {@code nested}, {@code blockExpression}.</li>
 *   <li>A block-like expression ({@code unsafe {}}, {@code if}, {@code match}, ...) or a macro
 *       invocation in braces at the start of a statement or match arm ends it, unless a method call,
 *       field access, {@code .await} or {@code ?} follows: {@code unsafe { f() } *p = 1;} is two
 *       statements, {@code unsafe { f() }.g();} one. When such an expression has just been parsed,
 *       {@link #blockLikeEnded()} raises the precedence of the running {@code expression} invocation
 *       so that only those postfix forms may continue it; ANTLR checks precedence while predicting,
 *       so the decision costs one token of lookahead.</li>
 * </ul>
 */
public abstract class RustParserBase extends Parser {
    /**
     * The lowest precedence among the postfix forms {@code .await}, {@code .f()}, {@code .f},
     * {@code .0.1}, {@code ?}; every other form that continues an expression has a lower one. Read from
     * the grammar's ATN, so reordering the alternatives of {@code expression} cannot silently break it.
     */
    static int postfixOnlyPrecedence() {
        return Precedences.POSTFIX_ONLY;
    }

    /** Holders, so the ATN is read after RustParser (a subclass of this) has been initialized. */
    private static final class Precedences {
        static final int POSTFIX_ONLY = postfixOnlyPrecedence(RustParser._ATN);
        /** Just above {@code &&}: the scrutinee of a {@code let} in a condition stops before {@code &&}. */
        static final int LET_SCRUTINEE = highestPrecedenceStartingWith(RustParser._ATN, RustLexer.ANDAND) + 1;
        /** Of {@code e(args)}, which never directly follows a field access (that is a method call). */
        static final int CALL = highestPrecedenceStartingWith(RustParser._ATN, RustLexer.LPAREN);
        /** The ATN state of {@code crate} that calls {@code item}: full-LL prediction follows it. */
        static final int ITEM_IN_CRATE = callOf(RustParser._ATN, RustParser.RULE_crate, RustParser.RULE_item);
    }

    static int callPrecedence() {
        return Precedences.CALL;
    }

    private boolean[] structAllowed = new boolean[64];
    private int structDepth;
    private int[] statementStarts = new int[64];
    private int statementDepth;
    /** Token index of the '}' that ended a block-like expression starting the current statement. */
    private int blockLikeEnd = -1;
    /** Precedence for the next invocation of {@code expression}, or -1. */
    private int pendingPrecedence = -1;

    protected RustParserBase(TokenStream input) {
        super(input);
    }

    /**
     * Parses one top-level item from the current token on, as the {@code item*} loop of
     * {@code crate} would, and adds it to {@code crate}: for finishing a file item by item after
     * the fast stage failed in one (see RustParsing).
     */
    RustParser.ItemContext itemOf(RustParser.CrateContext crate) {
        resetContext();
        _ctx = crate;
        setState(Precedences.ITEM_IN_CRATE);
        return ((RustParser) this).item();
    }

    /** Matches the end of file after the last item parsed by {@link #itemOf}, as {@code crate} does. */
    void endOf(RustParser.CrateContext crate) {
        _ctx = crate;
        match(Token.EOF);
        crate.stop = _input.LT(-1);
        _ctx = null;
    }

    /** Clears the context stacks; called before each parse of a token stream. */
    public void resetContext() {
        structDepth = 0;
        statementDepth = 0;
        blockLikeEnd = -1;
        pendingPrecedence = -1;
    }

    /** Called before the scrutinee of {@code let} in a condition: it binds tighter than {@code &&}. */
    protected void scrutineeFollows() {
        pendingPrecedence = Precedences.LET_SCRUTINEE;
    }

    /**
     * ANTLR's grammar syntax cannot pass a precedence to a left-recursive rule from another rule, so
     * {@link #scrutineeFollows()} leaves it here for the next {@code expression} to start with.
     */
    @Override
    public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
        if (pendingPrecedence >= 0 && ruleIndex == RustParser.RULE_expression) {
            precedence = pendingPrecedence;
            pendingPrecedence = -1;
        }
        super.enterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    protected void enterNested(boolean allowStruct) {
        if (structDepth == structAllowed.length) {
            structAllowed = Arrays.copyOf(structAllowed, structDepth * 2);
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

    /**
     * Where struct literals are not allowed, neither is a block as the end of a range:
     * {@code for i in 0.. {}} loops over {@code 0..}. Checked at the {@code ..} token.
     */
    protected boolean rangeEndAllowed() {
        return structAllowed() || _input.LA(2) != RustLexer.LBRACE;
    }

    /**
     * The compiler's own expression syntax {@code builtin # name(..)} (what {@code offset_of!},
     * {@code format_args!} and {@code asm!} expand to in the standard library): {@code builtin} is not
     * a keyword, so it is recognised by its text where a {@code #} follows.
     */
    protected boolean builtinSyntax() {
        return _input.LA(2) == RustLexer.POUND && "builtin".equals(_input.LT(1).getText());
    }

    protected void enterStatement() {
        if (statementDepth == statementStarts.length) {
            statementStarts = Arrays.copyOf(statementStarts, statementDepth * 2);
        }
        statementStarts[statementDepth++] = _input.LT(1).getTokenIndex();
    }

    protected void exitStatement() {
        if (statementDepth > 0) {
            statementDepth--;
        }
    }

    /**
     * Called right after a block-like expression or a macro invocation was parsed as the first operand
     * of an expression. If it began the current statement (or match arm) and ended with '}', only
     * postfix forms may continue the expression; otherwise the statement ends here.
     */
    protected void blockLikeEnded() {
        Token last = _input.LT(-1);
        if (statementDepth == 0 || _ctx == null || _ctx.start == null || last == null
                || last.getType() != RustLexer.RBRACE
                || _ctx.start.getTokenIndex() != statementStarts[statementDepth - 1]
                || _precedenceStack.peek() != 0) {
            return;
        }
        _precedenceStack.pop();
        _precedenceStack.push(Precedences.POSTFIX_ONLY);
        blockLikeEnd = last.getTokenIndex();
    }

    /**
     * Called after an expression with outer attributes: {@code #[cfg(x)] { .. }} starting a statement
     * ends it like the block alone would.
     */
    protected void attributedExpressionEnded() {
        if (_ctx instanceof RustParser.AttributedExprContext attributed) {
            RustParser.ExpressionContext operand = attributed.expression();
            if (operand instanceof RustParser.BlockLikeExprContext
                    || operand instanceof RustParser.MacroInvocationExprContext) {
                blockLikeEnded();
            }
        }
    }

    /** After a postfix form the expression is no longer block-like: any operator may continue it. */
    protected void postfixApplied() {
        if (_precedenceStack.peek() == Precedences.POSTFIX_ONLY) {
            _precedenceStack.pop();
            _precedenceStack.push(0);
        }
    }

    /** Whether a statement or match arm may end here without ';' or ','. */
    protected boolean implicitEndAllowed() {
        int next = _input.LA(1);
        if (next == RustLexer.RBRACE || next == Token.EOF) {
            return true;
        }
        Token previous = _input.LT(-1);
        return previous != null && previous.getTokenIndex() == blockLikeEnd;
    }

    protected String implicitEndMessage() {
        return "expected `;` or `,` after this expression, found " + SyntaxMessages.show(_input.LT(1));
    }

    private static int postfixOnlyPrecedence(ATN atn) {
        int postfixMin = Integer.MAX_VALUE;
        int otherMax = Integer.MIN_VALUE;
        for (ATNState state : atn.states) {
            if (state == null || state.ruleIndex != RustParser.RULE_expression) {
                continue;
            }
            for (Transition t : state.getTransitions()) {
                if (t instanceof PrecedencePredicateTransition p) {
                    IntervalSet first = firstTokens(t.target);
                    if (first.contains(RustLexer.DOT) || first.contains(RustLexer.QUESTION)) {
                        postfixMin = Math.min(postfixMin, p.precedence);
                    } else {
                        otherMax = Math.max(otherMax, p.precedence);
                    }
                }
            }
        }
        if (postfixMin == Integer.MAX_VALUE || otherMax >= postfixMin) {
            throw new IllegalStateException("grammar: the postfix forms of 'expression' must come first");
        }
        return postfixMin;
    }

    private static int callOf(ATN atn, int caller, int callee) {
        for (ATNState state : atn.states) {
            if (state != null && state.ruleIndex == caller && state.getNumberOfTransitions() == 1
                    && state.transition(0) instanceof RuleTransition call && call.target.ruleIndex == callee) {
                return state.stateNumber;
            }
        }
        throw new IllegalStateException("grammar: rule " + caller + " does not call rule " + callee);
    }

    private static int highestPrecedenceStartingWith(ATN atn, int tokenType) {
        int highest = -1;
        for (ATNState state : atn.states) {
            if (state != null && state.ruleIndex == RustParser.RULE_expression) {
                for (Transition t : state.getTransitions()) {
                    if (t instanceof PrecedencePredicateTransition p && firstTokens(t.target).contains(tokenType)) {
                        highest = Math.max(highest, p.precedence);
                    }
                }
            }
        }
        if (highest < 0) {
            throw new IllegalStateException("grammar: no binary or postfix form of 'expression' starts with token "
                    + RustLexer.VOCABULARY.getDisplayName(tokenType));
        }
        return highest;
    }

    /** Tokens that can be matched first from a state, following epsilon transitions within the rule. */
    private static IntervalSet firstTokens(ATNState start) {
        IntervalSet tokens = new IntervalSet();
        Deque<ATNState> work = new ArrayDeque<>();
        work.add(start);
        int steps = 0;
        while (!work.isEmpty() && steps++ < 64) {
            ATNState s = work.poll();
            for (Transition t : s.getTransitions()) {
                if (t.isEpsilon()) {
                    work.add(t.target);
                } else if (t.label() != null) {
                    tokens.addAll(t.label());
                }
            }
        }
        return tokens;
    }
}
