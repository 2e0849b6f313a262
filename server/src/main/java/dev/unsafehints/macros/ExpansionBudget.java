package dev.unsafehints.macros;

/**
 * The limits of one expansion, shared by the calls nested in it: how deep expansions may nest
 * (rustc's default `recursion_limit` is 128), how many tokens all of them together may write, and
 * how much matching work they may do. A macro that recurses forever, doubles its output at every
 * level, or writes a million tokens stops here with a note, in bounded time and memory.
 */
public final class ExpansionBudget {
    public static final int DEFAULT_DEPTH = 128;
    public static final long DEFAULT_TOKENS = 1_000_000;
    public static final long DEFAULT_STEPS = 2_000_000;

    private final int maxDepth;
    private final long maxTokens;
    private final long maxSteps;
    private int depth;
    private long tokens;
    private long steps;
    private boolean exhausted;

    public ExpansionBudget(int maxDepth, long maxTokens, long maxSteps) {
        this.maxDepth = maxDepth;
        this.maxTokens = maxTokens;
        this.maxSteps = maxSteps;
    }

    public static ExpansionBudget standard() {
        return new ExpansionBudget(DEFAULT_DEPTH, DEFAULT_TOKENS, DEFAULT_STEPS);
    }

    /** One level deeper: a call inside an expansion is being expanded. */
    public void enter(String macroName) {
        if (depth >= maxDepth) {
            exhausted = true;
            throw new ExpansionException("recursion limit reached while expanding `" + macroName + "!` (" + maxDepth
                    + " nested expansions)");
        }
        depth++;
    }

    public void exit() {
        depth--;
    }

    /** Whether a limit was reached: the calls still nested in this expansion are not expanded. */
    public boolean exhausted() {
        return exhausted;
    }

    public int depth() {
        return depth;
    }

    /** Counts tokens written; throws when the expansion as a whole grows past the limit. */
    void wrote(String macroName, int count) {
        tokens += count;
        if (tokens > maxTokens) {
            exhausted = true;
            throw new ExpansionException("the expansion of `" + macroName + "!` exceeds " + String.format("%,d", maxTokens)
                    + " tokens");
        }
    }

    /** Counts matching work (fragments parsed, tokens compared). */
    void step(String macroName, long count) {
        steps += count;
        if (steps > maxSteps) {
            exhausted = true;
            throw new ExpansionException("matching the calls of `" + macroName + "!` takes too long");
        }
        if ((steps & 0xFFF) == 0) {
            dev.unsafehints.grammar.Interruption.check();
        }
    }
}
