package dev.unsafehints.grammar;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * The lookahead caches (DFA states and prediction contexts) that ANTLR's lexer and parser build up
 * while parsing, shared by all parses in the process and bounded in size.
 *
 * <p>ANTLR's generated recognizers keep these caches in static fields that only ever grow: every new
 * shape of lookahead adds DFA states, and a language server or a scan of a large workspace would
 * grow them without limit. Here the caches form a <em>generation</em>; each parse takes the current
 * generation and installs it into its fresh lexer and parser. After a parse, when the generation
 * holds more than {@link #maxStates()} DFA states, it is replaced by an empty one. Parses running
 * at that moment finish with the old generation, which the garbage collector frees afterwards.
 *
 * <p>Thread safety: ANTLR's simulators may share DFAs and context caches between threads (they
 * synchronize on them internally); swapping the generation is a single atomic reference update.
 */
public final class PredictionCache {
    /** Default bound; about 60-80 MB of heap for DFA states that real Rust code produces. */
    public static final int DEFAULT_MAX_STATES = 30_000;

    private static volatile int maxStates =
            Integer.getInteger("unsafehints.dfa.maxStates", DEFAULT_MAX_STATES);
    private static final AtomicReference<Generation> CURRENT = new AtomicReference<>(new Generation());
    private static final AtomicInteger RESETS = new AtomicInteger();

    private PredictionCache() {
    }

    /** One set of caches for the lexer and parser. */
    static final class Generation {
        private final DFA[] lexerDfa = newDfas(RustLexer._ATN);
        private final PredictionContextCache lexerContexts = new PredictionContextCache();
        private final DFA[] fastParserDfa = newDfas(RustParser._ATN);
        private final DFA[] fullParserDfa = newDfas(RustParser._ATN);
        private final PredictionContextCache parserContexts = new PredictionContextCache();
        /** Where the predictions of parses with these caches count their work; null in the shared ones. */
        private final ParseWork.Counter counter;

        Generation() {
            this(null);
        }

        /** Caches of one's own, starting empty, whose parses count their work into {@code counter}. */
        Generation(ParseWork.Counter counter) {
            this.counter = counter;
        }

        void install(RustLexer lexer) {
            lexer.setInterpreter(new LexerATNSimulator(lexer, RustLexer._ATN, lexerDfa, lexerContexts));
        }

        /** The fast stage's prediction (see FastPrediction); its DFAs are its own. */
        void installFast(RustParser parser) {
            parser.setInterpreter(fast(parser));
        }

        FastPrediction fast(RustParser parser) {
            FastPrediction fast = new FastPrediction(parser, fastParserDfa, parserContexts);
            fast.setCounter(counter);
            return fast;
        }

        /** ANTLR's own prediction, bounded, for the full-LL stage of a parse of {@code tokens} tokens. */
        BoundedFullPrediction full(RustParser parser, int tokens, FastPrediction fast) {
            BoundedFullPrediction full = new BoundedFullPrediction(parser, fullParserDfa, parserContexts, tokens, fast);
            full.setCounter(counter);
            return full;
        }

        int states() {
            return count(lexerDfa) + count(fastParserDfa) + count(fullParserDfa);
        }

        private static int count(DFA[] dfas) {
            int n = 0;
            for (DFA dfa : dfas) {
                n += dfa.states.size(); // an unsynchronized read is good enough for a size bound
            }
            return n;
        }

        private static DFA[] newDfas(ATN atn) {
            DFA[] dfas = new DFA[atn.getNumberOfDecisions()];
            for (int i = 0; i < dfas.length; i++) {
                dfas[i] = new DFA(atn.getDecisionState(i), i);
            }
            return dfas;
        }
    }

    static Generation current() {
        return CURRENT.get();
    }

    /** Called after a parse with the generation it used: drops the generation when it grew too big. */
    static void afterParse(Generation used) {
        if (used.states() > maxStates && CURRENT.compareAndSet(used, new Generation())) {
            RESETS.incrementAndGet();
        }
    }

    /** The bound on DFA states before the caches are dropped (system property unsafehints.dfa.maxStates). */
    public static int maxStates() {
        return maxStates;
    }

    /** Changes the bound (tests use a small one to exercise dropping the caches). */
    static void maxStates(int bound) {
        maxStates = bound;
    }

    /** DFA states in the current generation (lexer and parser). */
    public static int states() {
        return CURRENT.get().states();
    }

    /** How many times the caches were dropped since the process started. */
    public static int resets() {
        return RESETS.get();
    }

    /** Drops the caches now (tests and benchmarks use this to start cold). */
    public static void clear() {
        CURRENT.set(new Generation());
    }
}
