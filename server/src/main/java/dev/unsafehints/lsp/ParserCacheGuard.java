package dev.unsafehints.lsp;

import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * Keeps the parser's prediction cache from taking over the heap of a long-running server. ANTLR
 * caches what it learned while predicting (DFA states with their ATN configurations) in one array
 * shared by every parser; after parsing a large, varied workspace that cache held about 320 MB of
 * a 390 MB heap. Dropping it costs speed only: the next parses learn the common paths again.
 *
 * <p>Clearing while another thread parses is safe: a parser keeps using the DFA object of the
 * decision it is predicting, the array slot just points to a fresh one afterwards.
 */
final class ParserCacheGuard {
    /** About 4 KB each in practice; 25,000 states is roughly 100 MB. */
    static final int MAX_DFA_STATES = 25_000;

    private final ParserATNSimulator simulator =
            new RustParser(new CommonTokenStream(new RustLexer(CharStreams.fromString("")))).getInterpreter();
    private final int maxStates;

    ParserCacheGuard() {
        this(MAX_DFA_STATES);
    }

    ParserCacheGuard(int maxStates) {
        this.maxStates = maxStates;
    }

    int dfaStates() {
        int states = 0;
        for (DFA dfa : simulator.decisionToDFA) {
            states += dfa.states.size();
        }
        return states;
    }

    /** Clears the cache when it has grown past the limit; returns whether it did. */
    boolean trimIfLarge() {
        if (dfaStates() <= maxStates) {
            return false;
        }
        simulator.clearDFA();
        return true;
    }
}
