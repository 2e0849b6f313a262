package dev.unsafehints.cli;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.grammar.RustParser;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * Runs ANTLR's profiler over the files (SLL mode, as the fast stage parses) and prints the
 * decisions that cost most: a grammar developer's tool for finding long lookahead.
 */
final class DecisionProfile {
    private DecisionProfile() {
    }

    static void print(List<String> texts, List<Edition> editions, PrintStream out) {
        RustParser parser = null;
        for (int i = 0; i < texts.size(); i++) {
            RustLexer lexer = new RustLexer(CharStreams.fromString(texts.get(i)));
            lexer.setEdition(editions.get(i));
            lexer.removeErrorListeners();
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            if (parser == null) {
                parser = new RustParser(tokens);
                parser.setProfile(true);
                parser.removeErrorListeners();
                parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            } else {
                parser.setTokenStream(tokens);
            }
            parser.resetContext();
            try {
                parser.crate();
            } catch (RuntimeException e) {
                // keep profiling the rest
            }
        }
        if (parser == null) {
            return;
        }
        DecisionInfo[] infos = parser.getParseInfo().getDecisionInfo();
        DFA[] dfas = parser.getInterpreter().decisionToDFA;
        DecisionInfo[] sorted = infos.clone();
        Arrays.sort(sorted, Comparator.comparingLong((DecisionInfo d) -> d.timeInPrediction).reversed());
        out.println("decision rule                      time_ms  invocations  sll_total_k  sll_max_k  ll_fallback  ll_max_k  dfa_states  ambiguities");
        for (int k = 0; k < Math.min(30, sorted.length); k++) {
            DecisionInfo d = sorted[k];
            String rule = parser.getRuleNames()[parser.getATN().decisionToState.get(d.decision).ruleIndex];
            out.printf(Locale.ROOT, "%8d %-24s %9.1f %12d %12d %10d %12d %9d %11d %12d%n", d.decision, rule,
                    d.timeInPrediction / 1e6, d.invocations, d.SLL_TotalLook, d.SLL_MaxLook, d.LL_Fallback,
                    d.LL_MaxLook, dfas[d.decision].states.size(), d.ambiguities.size());
        }
        long states = Arrays.stream(dfas).mapToLong(dfa -> dfa.states.size()).sum();
        out.println("total DFA states: " + states);
    }
}
