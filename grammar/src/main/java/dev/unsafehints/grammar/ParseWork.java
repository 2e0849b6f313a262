package dev.unsafehints.grammar;

/**
 * How much work one parse did, counted rather than timed, so that a test can compare parses on a
 * busy machine: the same text always gives the same counts.
 *
 * <p>A parser's time goes into predictions (choosing between alternatives by looking ahead), and a
 * prediction costs in two ways. It reads tokens beyond the one being matched ({@code lookahead}:
 * a decision that reads to the end of the statement each time makes a parse quadratic), and it
 * simulates the grammar's network where the cached lookahead automaton has no answer yet
 * ({@code closureSteps}: each configuration ANTLR's closure visits; the full-LL stage, which is not
 * cached, explodes here when it explodes). Counted with lookahead caches of the measurement's own
 * ({@link RustParsing#measureWork}), so what other parses in the process left in the shared caches
 * does not change the counts.
 *
 * @param tokens       tokens of the file (all channels), the measure of its size
 * @param predictions  decisions predicted by lookahead, in every stage the parse needed
 * @param lookahead    tokens read by those predictions, each counted once per prediction
 * @param closureSteps configurations visited while simulating the grammar (SLL and full LL)
 * @param fullContextDecisions predictions that needed full context (the costly kind)
 */
public record ParseWork(int tokens, long predictions, long lookahead, long closureSteps, long fullContextDecisions) {
    /** Lookahead and simulation together: the figure to compare between parses. */
    public long total() {
        return lookahead + closureSteps;
    }

    /** {@link #total()} per token of the file. */
    public double perToken() {
        return (double) total() / Math.max(tokens, 1);
    }

    /** The running counts of a parse being measured; the prediction simulators add to them. */
    static final class Counter {
        long predictions;
        long lookahead;
        long closureSteps;
        long fullContextDecisions;
        /** Furthest token index the prediction running now has read. */
        private int furthest;
        private int start;
        /** How many predictions are running (the full stage may hand one over to the fast stage). */
        private int depth;

        void startPrediction(int index) {
            if (depth++ == 0) {
                start = index;
                furthest = index;
            }
        }

        void reached(int index) {
            furthest = Math.max(furthest, index);
        }

        void endPrediction() {
            if (--depth == 0) {
                predictions++;
                lookahead += furthest - start + 1;
            }
        }

        void reset() {
            predictions = 0;
            lookahead = 0;
            closureSteps = 0;
            fullContextDecisions = 0;
        }

        ParseWork result(int tokens) {
            return new ParseWork(tokens, predictions, lookahead, closureSteps, fullContextDecisions);
        }
    }
}
