package dev.unsafehints.grammar;

import java.util.BitSet;
import java.util.Set;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.BlockStartState;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.LoopEndState;
import org.antlr.v4.runtime.atn.PlusBlockStartState;
import org.antlr.v4.runtime.atn.PlusLoopbackState;
import org.antlr.v4.runtime.atn.StarBlockStartState;
import org.antlr.v4.runtime.atn.StarLoopEntryState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.SemanticContext;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Prediction of the fast (SLL) parsing stage: ANTLR's SLL prediction plus three rules that Rust's
 * syntax justifies, each of which turns a decision that needed lookahead to the end of a statement
 * (or further) into one that needs a token or two.
 *
 * <p>Background. SLL prediction does not know which rule called the one it predicts in. When a path
 * leaves that rule, it continues with everything that may follow the rule anywhere in the grammar
 * ("global follow"). After an expression that includes the start of the next statement (Rust lets a
 * block-like statement end without ';'), {@code else} of let-else, the {@code &&} of a let chain, the
 * next match arm... Most of these tokens also continue an expression ({@code (}, {@code ::},
 * {@code *}, {@code &&}, ...). Both readings stay viable until the end of the statement or beyond, so
 * every call, path and operator looked far ahead, and every shape of code seen added DFA states.
 *
 * <ol>
 *   <li><b>Greedy continuation.</b> After a token, if some alternative matched it without leaving the
 *       decision's rule, alternatives that matched it only through global follow are dropped: the
 *       construct being parsed goes on rather than ends. This applies from the second token of
 *       lookahead on, when both readings have gone on for a while. That is how Rust reads code: {@code a (b)} is
 *       a call, {@code a::b} one path, {@code if a {} else {}} one if. Where Rust ends a construct
 *       although the next token could continue it, the grammar already says so through precedence,
 *       which ANTLR applies before this rule: after a block-like expression that starts a statement
 *       only postfix forms continue it (RustParserBase#blockLikeEnded), and the scrutinee of
 *       {@code let} stops before {@code &&} (RustParserBase#scrutineeFollows).</li>
 *   <li><b>Predicates decide at once.</b> If the alternatives that stay inside carry a predicate of
 *       the grammar (a struct literal is not allowed in a condition), the decision is made right there
 *       by evaluating it, instead of looking further ahead ({@code if x == S {}}).</li>
 *   <li><b>A field access is not called.</b> {@code a.b(c)} is a method call; {@code a.b} followed by
 *       a call of the field is not considered (that needs {@code (a.b)(c)}).</li>
 * </ol>
 *
 * <p>If a rule is wrong for some input, the fast stage fails on it and the file is parsed again by
 * the full-LL stage, which uses ANTLR's own prediction. The decisions depend only on the ATN
 * configurations, so caching them in the shared DFA stays correct.
 */
public final class FastPrediction extends ParserATNSimulator {
    /** States right after the name of a field access ({@code a.b}, {@code a.0}, {@code a.0.1}). */
    private static final BitSet AFTER_FIELD_NAME = statesAfterFieldName(RustParser._ATN);

    /**
     * Whether the token being matched is not the first of the lookahead: the rules apply from the
     * second token on. One token is not enough to see that both readings go on: in {@code use a::{b}}
     * or {@code Vec::new} the token after {@code ::} tells which one is meant.
     */
    private boolean beyondFirstToken;

    /** Per decision: the alternative that leaves a loop or skips an optional part, or 0. */
    private static final int[] EXIT_ALT = exitAlternatives(RustParser._ATN);

    /** Set by computeReachSet when the next DFA state must resolve by predicates at once. */
    private BitSet decideByPredicates;
    /** While the start state of an expression loop after a block-like expression is computed. */
    private boolean keepImplicitEnds;
    /** While closure runs from a state right after a field name. */
    private boolean afterFieldName;
    private Stats stats;

    public FastPrediction(Parser parser, DFA[] decisionToDFA, PredictionContextCache contexts) {
        super(parser, RustParser._ATN, decisionToDFA, contexts);
        setPredictionMode(PredictionMode.SLL);
    }

    /** Lookahead statistics per decision, for grammar development (parse-bench --profile). */
    public static final class Stats {
        public final long[] invocations;
        public final long[] totalLook;
        public final long[] maxLook;
        public final long[] nanos;
        /** Token index where the longest lookahead of each decision started, in its token stream. */
        public final int[] maxLookStart;
        /** Set by the caller before each file: where maxLookStart points, for a report. */
        public String source;
        public final String[] maxLookSource;

        public Stats(int decisions) {
            invocations = new long[decisions];
            totalLook = new long[decisions];
            maxLook = new long[decisions];
            nanos = new long[decisions];
            maxLookStart = new int[decisions];
            maxLookSource = new String[decisions];
        }
    }

    public void setStats(Stats stats) {
        this.stats = stats;
    }

    /** Counts this prediction's work into {@code counter} (null: no counting). */
    void setCounter(ParseWork.Counter counter) {
        this.counter = counter;
    }

    private ParseWork.Counter counter;

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        Interruption.check();
        if (counter != null) {
            counter.startPrediction(input.index());
            try {
                return predict(input, decision, outerContext);
            } finally {
                counter.endPrediction();
            }
        }
        return predict(input, decision, outerContext);
    }

    private int predict(TokenStream input, int decision, ParserRuleContext outerContext) {
        if (stats == null) {
            return super.adaptivePredict(input, decision, outerContext);
        }
        long start = System.nanoTime();
        int startIndex = input.index();
        lookaheadEnd = startIndex;
        try {
            return super.adaptivePredict(input, decision, outerContext);
        } finally {
            long look = lookaheadEnd - startIndex + 1;
            stats.invocations[decision]++;
            stats.totalLook[decision] += look;
            stats.nanos[decision] += System.nanoTime() - start;
            if (look > stats.maxLook[decision]) {
                stats.maxLook[decision] = look;
                stats.maxLookStart[decision] = startIndex;
                stats.maxLookSource[decision] = stats.source;
            }
        }
    }

    private int lookaheadEnd;

    @Override
    protected DFAState getExistingTargetState(DFAState previousD, int t) {
        if (stats != null) {
            lookaheadEnd = Math.max(lookaheadEnd, _input.index());
        }
        if (counter != null) {
            counter.reached(_input.index());
        }
        DFAState target = super.getExistingTargetState(previousD, t);
        if (target == ERROR) {
            noteFailure(previousD);
        }
        return target;
    }

    /** Token index of the furthest token at which a prediction found no way on, or -1. */
    private int furthestFailure = -1;
    /**
     * The lookahead state that found no way on at {@link #furthestFailure}: the expected tokens are
     * computed from it only when a message needs them (a parse moves its furthest failure forward
     * at nearly every prediction, and only a file with an error asks).
     */
    private DFAState furthestFailureState;

    /**
     * Where the input stopped fitting the grammar, as far as predictions looked. A prediction that
     * fails deep in its lookahead falls back to ending the rule, and the error then surfaces at an
     * earlier token (ANTLR's way); this position is where the mistake actually is.
     */
    public int furthestFailure() {
        return furthestFailure;
    }

    /** The tokens that would have fitted at {@link #furthestFailure()}, or null if none failed. */
    public IntervalSet furthestExpected() {
        if (furthestFailureState == null) {
            return null;
        }
        IntervalSet expected = new IntervalSet();
        for (ATNConfig c : furthestFailureState.configs) {
            for (Transition t : c.state.getTransitions()) {
                IntervalSet label = t.label();
                if (label != null && !t.isEpsilon()) {
                    expected.addAll(t instanceof org.antlr.v4.runtime.atn.NotSetTransition
                            ? label.complement(Token.MIN_USER_TOKEN_TYPE, atn.maxTokenType) : label);
                }
            }
        }
        return expected;
    }

    private void noteFailure(DFAState previousD) {
        int index = _input.index();
        if (index > furthestFailure) {
            furthestFailure = index;
            furthestFailureState = previousD; // its configurations no longer change: it is in the DFA
        }
    }

    @Override
    protected DFAState computeTargetState(DFA dfa, DFAState previousD, int t) {
        decideByPredicates = null;
        // A property of the DFA state, not of how far this prediction has read, so that the edge
        // computed here may be cached. (A start state is never reached again after a token: it holds
        // every alternative at the decision's entry.)
        beyondFirstToken = previousD != startState;
        ATNConfigSet reach = computeReachSet(previousD.configs, t, false);
        if (reach == null) {
            noteFailure(previousD);
            addDFAEdge(dfa, previousD, t, ERROR);
            return ERROR;
        }
        DFAState d = new DFAState(reach);
        int unique = getUniqueAlt(reach);
        BitSet contested = null;
        if (unique != ATN.INVALID_ALT_NUMBER) {
            d.isAcceptState = true;
            reach.uniqueAlt = unique;
            d.prediction = unique;
        } else if (decideByPredicates != null) {
            contested = decideByPredicates;
        } else if (PredictionMode.hasSLLConflictTerminatingPrediction(PredictionMode.SLL, reach)) {
            contested = getConflictingAlts(reach);
            d.requiresFullContext = true;
        }
        if (contested != null) {
            d.isAcceptState = true;
            d.prediction = contested.nextSetBit(0);
            if (reach.hasSemanticContext) {
                int alts = atn.getDecisionState(dfa.decision).getNumberOfTransitions();
                SemanticContext[] altToPred = getPredsForAmbigAlts(contested, reach, alts);
                if (altToPred != null) {
                    d.predicates = getPredicatePredictions(contested, altToPred);
                    d.prediction = ATN.INVALID_ALT_NUMBER;
                }
            }
        } else if (d.isAcceptState && reach.hasSemanticContext) {
            predicateDFAState(d, atn.getDecisionState(dfa.decision));
            if (d.predicates != null) {
                d.prediction = ATN.INVALID_ALT_NUMBER;
            }
        }
        return addDFAEdge(dfa, previousD, t, d);
    }

    /** The start state of the prediction running now. */
    private DFAState startState;

    @Override
    protected int execATN(DFA dfa, DFAState s0, TokenStream input, int startIndex, ParserRuleContext outerContext) {
        startState = s0;
        return super.execATN(dfa, s0, input, startIndex, outerContext);
    }

    @Override
    protected ATNConfigSet computeReachSet(ATNConfigSet closure, int t, boolean fullCtx) {
        if (stats != null) {
            lookaheadEnd = Math.max(lookaheadEnd, _input.index());
        }
        if (counter != null) {
            counter.reached(_input.index());
        }
        ATNConfigSet reach = super.computeReachSet(closure, t, fullCtx);
        if (reach == null || fullCtx || t == Token.EOF || !beyondFirstToken) {
            return reach;
        }
        int exit = EXIT_ALT[_dfa.decision];
        return exit > 0 ? preferStaying(reach, exit) : preferPredicatedInside(reach);
    }

    /**
     * Rule 1 for loops and optional parts: if going on matched the token and leaving matched it only
     * after leaving the rule, go on. (Leaving paths that are still inside the rule, as in
     * {@code impl<T> A<T> for} against {@code impl<T> A<T> {}}, are kept: they are ordinary lookahead.)
     */
    private ATNConfigSet preferStaying(ATNConfigSet reach, int exit) {
        boolean exitLeft = false;
        boolean otherViable = false;
        boolean otherPredicated = false;
        for (ATNConfig c : reach) {
            if (c.alt != exit) {
                otherViable = true;
                otherPredicated |= hasGrammarPredicate(c.semanticContext);
            } else if (c.getOuterContextDepth() > 0) {
                exitLeft = true;
            }
        }
        if (!exitLeft || !otherViable) {
            return reach;
        }
        if (otherPredicated) {
            decideByPredicates = reach.getAlts(); // the exit alternative is the last: it wins only if the others fail
            return reach;
        }
        ATNConfigSet kept = new ATNConfigSet(false);
        for (ATNConfig c : reach) {
            if (c.alt != exit || c.getOuterContextDepth() == 0) {
                kept.add(c, mergeCache);
            }
        }
        return kept;
    }

    /**
     * Rule 2 for choices between alternatives: an alternative with a grammar predicate that matched
     * the token inside the rule, against alternatives that matched it only after leaving the rule
     * (a struct literal against a path followed by a block), is decided by the predicate at once.
     */
    private ATNConfigSet preferPredicatedInside(ATNConfigSet reach) {
        BitSet inside = new BitSet();
        BitSet outside = new BitSet();
        boolean insidePredicated = false;
        for (ATNConfig c : reach) {
            if (c.getOuterContextDepth() == 0) {
                inside.set(c.alt);
                insidePredicated |= hasGrammarPredicate(c.semanticContext);
            } else {
                outside.set(c.alt);
            }
        }
        outside.andNot(inside);
        if (insidePredicated && !outside.isEmpty() && outside.nextSetBit(0) > inside.length() - 1) {
            BitSet all = (BitSet) inside.clone();
            all.or(outside);
            decideByPredicates = all;
        }
        return reach;
    }

    private static boolean hasGrammarPredicate(SemanticContext context) {
        if (context instanceof SemanticContext.Predicate) {
            return true;
        }
        if (context instanceof SemanticContext.Operator op) {
            for (SemanticContext operand : op.getOperands()) {
                if (hasGrammarPredicate(operand)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected ATNConfigSet computeStartState(ATNState p, RuleContext ctx, boolean fullCtx) {
        // After a block-like expression that starts a statement, the statement may end right there.
        keepImplicitEnds = _dfa != null && _dfa.isPrecedenceDfa()
                && parser.getPrecedence() == RustParserBase.postfixOnlyPrecedence();
        try {
            return super.computeStartState(p, ctx, fullCtx);
        } finally {
            keepImplicitEnds = false;
        }
    }

    @Override
    protected ATNConfig ruleTransition(ATNConfig config, RuleTransition t) {
        if (t.target.ruleIndex == RustParser.RULE_implicitEnd && !keepImplicitEnds
                && config.context.isEmpty() && config.getOuterContextDepth() > 0) {
            return null;
        }
        return super.ruleTransition(config, t);
    }

    @Override
    protected void closureCheckingStopState(ATNConfig config, ATNConfigSet configs, Set<ATNConfig> closureBusy,
                                            boolean collectPredicates, boolean fullCtx, int depth,
                                            boolean treatEofAsEpsilon) {
        if (counter != null) {
            counter.closureSteps++;
        }
        boolean entering = !afterFieldName && AFTER_FIELD_NAME.get(config.state.stateNumber);
        if (entering) {
            afterFieldName = true;
        }
        try {
            super.closureCheckingStopState(config, configs, closureBusy, collectPredicates, fullCtx, depth,
                    treatEofAsEpsilon);
        } finally {
            if (entering) {
                afterFieldName = false;
            }
        }
    }

    @Override
    public ATNConfig precedenceTransition(ATNConfig config, PrecedencePredicateTransition pt,
                                          boolean collectPredicates, boolean inContext, boolean fullCtx) {
        if (afterFieldName && pt.precedence == RustParserBase.callPrecedence()) {
            return null;
        }
        return super.precedenceTransition(config, pt, collectPredicates, inContext, fullCtx);
    }

    private static int[] exitAlternatives(ATN atn) {
        int[] exits = new int[atn.getNumberOfDecisions()];
        for (int d = 0; d < exits.length; d++) {
            DecisionState state = atn.getDecisionState(d);
            if (state instanceof StarLoopEntryState || state instanceof PlusLoopbackState) {
                for (int i = 0; i < state.getNumberOfTransitions(); i++) {
                    if (state.transition(i).target instanceof LoopEndState) {
                        exits[d] = i + 1;
                    }
                }
            } else if (state instanceof BlockStartState block && !(state instanceof PlusBlockStartState)
                    && !(state instanceof StarBlockStartState)) {
                int last = state.getNumberOfTransitions() - 1;
                if (last > 0 && reachesWithoutMatching(state.transition(last).target, block.endState)) {
                    exits[d] = last + 1;
                }
            }
        }
        return exits;
    }

    /** Whether the alternative starting at {@code from} is empty: it reaches {@code end} by epsilon steps. */
    private static boolean reachesWithoutMatching(ATNState from, ATNState end) {
        ATNState s = from;
        for (int steps = 0; steps < 8; steps++) {
            if (s == end) {
                return true;
            }
            if (s.getNumberOfTransitions() != 1 || !s.transition(0).isEpsilon()
                    || s.transition(0) instanceof RuleTransition) {
                return false;
            }
            s = s.transition(0).target;
        }
        return false;
    }

    /**
     * The states of rule expression that follow the name in {@code e.name}, {@code e.0} and
     * {@code e.0.1}: after the identifier call, or after an integer or float literal that follows '.'.
     */
    private static BitSet statesAfterFieldName(ATN atn) {
        BitSet states = new BitSet();
        for (ATNState s : atn.states) {
            if (s == null || s.ruleIndex != RustParser.RULE_expression) {
                continue;
            }
            for (Transition t : s.getTransitions()) {
                if (!(t instanceof AtomTransition dot) || dot.label != RustLexer.DOT) {
                    continue;
                }
                for (Transition next : epsilonTargets(dot.target)) {
                    if (next instanceof RuleTransition call && call.ruleIndex == RustParser.RULE_identifier) {
                        states.set(call.followState.stateNumber);
                    } else if (next instanceof AtomTransition lit
                            && (lit.label == RustLexer.INTEGER_LITERAL || lit.label == RustLexer.FLOAT_LITERAL)) {
                        states.set(lit.target.stateNumber);
                    }
                }
            }
        }
        if (states.isEmpty()) {
            throw new IllegalStateException("grammar: field access not found in rule expression");
        }
        return states;
    }

    /** The non-epsilon transitions (and rule calls) reachable from a state through epsilon ones. */
    private static java.util.List<Transition> epsilonTargets(ATNState start) {
        java.util.List<Transition> found = new java.util.ArrayList<>();
        java.util.ArrayDeque<ATNState> work = new java.util.ArrayDeque<>();
        BitSet seen = new BitSet();
        work.add(start);
        while (!work.isEmpty()) {
            ATNState s = work.poll();
            if (seen.get(s.stateNumber)) {
                continue;
            }
            seen.set(s.stateNumber);
            for (Transition t : s.getTransitions()) {
                if (t instanceof RuleTransition || !t.isEpsilon()) {
                    found.add(t);
                } else {
                    work.add(t.target);
                }
            }
        }
        return found;
    }
}
