package dev.unsafehints.cli;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.FastPrediction;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * Parses the files with the fast stage's prediction and prints the decisions that cost most, with
 * where each one looked furthest ahead: a grammar developer's tool for finding long lookahead.
 */
final class DecisionProfile {
    private static final int SHOWN = 30;

    private DecisionProfile() {
    }

    static void print(List<Path> files, List<Edition> editions, PrintStream out) throws IOException {
        int decisions = RustParser._ATN.getNumberOfDecisions();
        DFA[] dfas = new DFA[decisions];
        for (int i = 0; i < decisions; i++) {
            dfas[i] = new DFA(RustParser._ATN.getDecisionState(i), i);
        }
        PredictionContextCache contexts = new PredictionContextCache();
        FastPrediction.Stats stats = new FastPrediction.Stats(decisions);
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            RustLexer lexer = new RustLexer(CharStreams.fromString(ParseBenchCommand.read(files.get(i)).text()));
            lexer.setEdition(editions.get(i));
            lexer.removeErrorListeners();
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            tokens.fill();
            RustParser parser = new RustParser(tokens);
            FastPrediction prediction = new FastPrediction(parser, dfas, contexts);
            prediction.setStats(stats);
            parser.setInterpreter(prediction);
            parser.removeErrorListeners();
            parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
            parser.resetContext();
            stats.source = files.get(i).toString();
            try {
                parser.crate();
            } catch (RuntimeException e) {
                failed.add(files.get(i).toString());
            }
            for (int d = 0; d < decisions; d++) {
                // adaptivePredict recorded this very string object when this file gave the longest lookahead
                if (stats.maxLookSource[d] == stats.source) {
                    Token t = tokens.get(stats.maxLookStart[d]);
                    stats.maxLookSource[d] = files.get(i) + ":" + t.getLine() + ":" + (t.getCharPositionInLine() + 1);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int d = 0; d < decisions; d++) {
            order.add(d);
        }
        order.sort(Comparator.comparingLong((Integer d) -> stats.nanos[d]).reversed());
        out.println("decision rule                      time_ms  invocations   total_k  max_k  dfa_states  max_k_at");
        for (int k = 0; k < Math.min(SHOWN, decisions); k++) {
            int d = order.get(k);
            String rule = RustParser.ruleNames[RustParser._ATN.decisionToState.get(d).ruleIndex];
            out.printf(Locale.ROOT, "%8d %-24s %9.1f %12d %9d %6d %11d  %s%n", d, rule, stats.nanos[d] / 1e6,
                    stats.invocations[d], stats.totalLook[d], stats.maxLook[d], dfas[d].states.size(),
                    stats.maxLookSource[d] == null ? "-" : stats.maxLookSource[d]);
        }
        long states = 0;
        for (DFA dfa : dfas) {
            states += dfa.states.size();
        }
        out.println("total DFA states: " + states + "; files failing the fast stage: " + failed.size());
        for (String f : failed) {
            out.println("  " + f);
        }
    }
}
