package dev.unsafehints.grammar;

import java.util.BitSet;
import java.util.Set;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.BlockEndState;
import org.antlr.v4.runtime.atn.BlockStartState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.atn.StarLoopEntryState;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * Prediction of the full-LL stage: ANTLR's own LL prediction, kept linear in the file's size.
 *
 * <p>Where SLL prediction sees a conflict, LL prediction follows every way the parser's real call
 * stack can go on. Two shapes made that cost far more than the file is worth:
 * <ul>
 *   <li>Runs of tokens that may each start, continue or end an expression. The range operators of
 *       {@code ..=..=.. .. .. ..} double the ways with every token: a valid 150-line file ran for
 *       minutes.</li>
 *   <li>Long operator chains ({@code a + b * c << d ...}): ANTLR checks precedence only in the
 *       expression being parsed, so for each operator every enclosing expression seems able to take
 *       it too, and each decision read to the end of the statement (quadratic).</li>
 * </ul>
 * So some kinds of decisions are left to the fast stage's prediction (FastPrediction: SLL, which
 * takes the lowest alternative in a conflict, and goes on with a construct rather than end it), as
 * that is how Rust reads them: whether an operator continues the expression being
 * parsed (precedence, which SLL does check for that expression, decides; no enclosing expression
 * takes an operator that the inner one may take), and a decision that starts at {@code ..} or
 * {@code ..=} (a range takes as its end whatever follows that can start an expression:
 * {@code .. ..} is {@code ..(..)}). Likewise whether {@code return}, {@code yield} and
 * {@code break} (with or without a label) take an operand: Rust's parser takes one whenever the
 * next token can start an expression, except a block after {@code break} in a condition
 * ({@code if break {}}), which stays with full LL. Full LL read each of them to the end of a chain
 * such as {@code return return .. ..}: quadratic.
 *
 * <p>Every other full-context decision is bounded. Real code needs far less than the bound: the
 * standard library and about 250 crates, parsed in plain LL mode throughout (without the two rules
 * above), need at most about 610,000 closure steps for one decision (bindgen's long option lists;
 * 7 files over 200,000; measured 2026-12-07), while the shapes that explode need millions within a
 * few dozen tokens. A decision that exceeds {@link #DECISION_BUDGET} steps, or any decision after
 * the parse has spent {@link #budgetFor(int) its total}, takes SLL's choice too. Where that is
 * wrong, the parse reports a syntax error, and {@link #firstCapped()} tells where prediction was
 * cut short.
 */
final class BoundedFullPrediction extends ParserATNSimulator {
    /** Closure steps one full-context decision may take; about half a second of work at most. */
    static final long DECISION_BUDGET = 1_000_000;

    /** The decisions of {@code expression} whether an operator continues it (see the class comment). */
    private static final BitSet OPERATOR_LOOPS = operatorLoops(RustParser._ATN);
    /** The decisions whether {@code return}, {@code yield} take an operand (see the class comment). */
    private static final BitSet RETURN_OPERANDS = operandDecisions(RustParser._ATN, RustLexer.KW_RETURN, RustLexer.KW_YIELD);
    /** The same for {@code break} (and its label), which Rust reads the same way except before a block. */
    private static final BitSet BREAK_OPERANDS = operandDecisions(RustParser._ATN, RustLexer.KW_BREAK);

    private final FastPrediction fast;
    private final long totalBudget;
    private long decisionWork;
    private long totalWork;
    private boolean inFullContext;
    private int firstCapped = -1;

    BoundedFullPrediction(Parser parser, DFA[] decisionToDFA, PredictionContextCache contexts, int tokens,
                          FastPrediction fast) {
        super(parser, RustParser._ATN, decisionToDFA, contexts);
        this.fast = fast;
        this.totalBudget = budgetFor(tokens);
        setPredictionMode(PredictionMode.LL);
    }

    /** The total for a parse of {@code tokens} tokens: a few decisions' worth, plus some per token. */
    static long budgetFor(int tokens) {
        return 4 * DECISION_BUDGET + 2_000L * tokens;
    }

    /** Token index where the first decision was cut short, or -1 if none was. */
    int firstCapped() {
        return firstCapped;
    }

    /** Counts this prediction's work into {@code counter} (null: no counting); the fast one's too. */
    void setCounter(ParseWork.Counter counter) {
        this.counter = counter;
    }

    private ParseWork.Counter counter;

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        Interruption.check();
        int first = input.LA(1);
        if (OPERATOR_LOOPS.get(decision) || first == RustLexer.DOTDOT || first == RustLexer.DOTDOTEQ
                || RETURN_OPERANDS.get(decision) || BREAK_OPERANDS.get(decision) && first != RustLexer.LBRACE) {
            return fast.adaptivePredict(input, decision, outerContext);
        }
        if (counter == null) {
            return super.adaptivePredict(input, decision, outerContext);
        }
        counter.startPrediction(input.index());
        try {
            return super.adaptivePredict(input, decision, outerContext);
        } finally {
            counter.endPrediction();
        }
    }

    @Override
    protected DFAState getExistingTargetState(DFAState previousD, int t) {
        if (counter != null) {
            counter.reached(_input.index());
        }
        return super.getExistingTargetState(previousD, t);
    }

    @Override
    protected ATNConfigSet computeReachSet(ATNConfigSet closure, int t, boolean fullCtx) {
        if (counter != null) {
            counter.reached(_input.index());
        }
        return super.computeReachSet(closure, t, fullCtx);
    }

    @Override
    protected int execATNWithFullContext(DFA dfa, DFAState d, ATNConfigSet s0, TokenStream input, int startIndex,
                                         ParserRuleContext outerContext) {
        if (counter != null) {
            counter.fullContextDecisions++;
        }
        if (totalWork < totalBudget) {
            decisionWork = 0;
            inFullContext = true;
            try {
                return super.execATNWithFullContext(dfa, d, s0, input, startIndex, outerContext);
            } catch (BudgetSpent spent) {
                // falls through to the SLL choice
            } finally {
                inFullContext = false;
                totalWork += decisionWork;
            }
        }
        if (firstCapped < 0) {
            firstCapped = startIndex;
        }
        return sllChoice(d);
    }

    private static BitSet operatorLoops(ATN atn) {
        BitSet loops = new BitSet();
        for (DecisionState s : atn.decisionToState) {
            if (s instanceof StarLoopEntryState loop && loop.isPrecedenceDecision
                    && s.ruleIndex == RustParser.RULE_expression) {
                loops.set(s.decision);
            }
        }
        return loops;
    }

    /**
     * The decisions of rule expression right after one of the keyword {@code tokens} (and a label
     * after it): whether the keyword takes an operand.
     */
    private static BitSet operandDecisions(ATN atn, int... tokens) {
        BitSet decisions = new BitSet();
        for (ATNState s : atn.states) {
            if (s == null || s.ruleIndex != RustParser.RULE_expression) {
                continue;
            }
            for (Transition t : s.getTransitions()) {
                if (t instanceof AtomTransition keyword && java.util.Arrays.stream(tokens).anyMatch(k -> k == keyword.label)) {
                    collectDecisions(keyword.target, decisions, new BitSet());
                }
            }
        }
        if (decisions.isEmpty()) {
            throw new IllegalStateException("grammar: no operand decision after " + java.util.Arrays.toString(tokens));
        }
        return decisions;
    }

    /**
     * Finds the optional operand after a keyword: from {@code s}, by epsilon steps and a label, the
     * first decision of which one alternative goes straight into an expression. Goes no further
     * than that decision (what follows the whole expression is not the keyword's business).
     */
    private static void collectDecisions(ATNState s, BitSet decisions, BitSet seen) {
        if (seen.get(s.stateNumber) || s.ruleIndex != RustParser.RULE_expression
                || s instanceof StarLoopEntryState || s instanceof RuleStopState) {
            return;
        }
        seen.set(s.stateNumber);
        if (s instanceof BlockStartState block && block.decision >= 0 && startsAnExpression(block)) {
            decisions.set(block.decision);
            return;
        }
        for (Transition t : s.getTransitions()) {
            if (t.isEpsilon() && !(t instanceof RuleTransition)
                    || t instanceof AtomTransition label && label.label == RustLexer.LIFETIME) {
                collectDecisions(t.target, decisions, seen);
            }
        }
    }

    /** Whether an alternative of {@code block} calls rule expression before anything else. */
    private static boolean startsAnExpression(BlockStartState block) {
        for (Transition alt : block.getTransitions()) {
            ATNState s = alt.target;
            for (int steps = 0; steps < 4 && s.getNumberOfTransitions() == 1; steps++) {
                Transition t = s.transition(0);
                if (t instanceof RuleTransition call) {
                    if (call.target.ruleIndex == RustParser.RULE_expression) {
                        return true;
                    }
                    break;
                }
                if (!t.isEpsilon() || s instanceof BlockEndState) {
                    break;
                }
                s = t.target;
            }
        }
        return false;
    }

    /** The lowest of the alternatives that SLL prediction found in conflict: the one it would take. */
    private int sllChoice(DFAState d) {
        return getConflictingAltsOrUniqueAlt(d.configs).nextSetBit(0);
    }

    @Override
    protected void closureCheckingStopState(ATNConfig config, ATNConfigSet configs, Set<ATNConfig> closureBusy,
                                            boolean collectPredicates, boolean fullCtx, int depth,
                                            boolean treatEofAsEpsilon) {
        if (counter != null) {
            counter.closureSteps++;
        }
        if (inFullContext && (++decisionWork > DECISION_BUDGET || totalWork + decisionWork > totalBudget)) {
            throw BudgetSpent.INSTANCE;
        }
        super.closureCheckingStopState(config, configs, closureBusy, collectPredicates, fullCtx, depth,
                treatEofAsEpsilon);
    }

    /** Unwinds a decision whose work ran out; no stack trace, it is control flow. */
    private static final class BudgetSpent extends RuntimeException {
        static final BudgetSpent INSTANCE = new BudgetSpent();

        private BudgetSpent() {
            super("prediction budget spent", null, false, false);
        }
    }
}
