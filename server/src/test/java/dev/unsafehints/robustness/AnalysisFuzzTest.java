package dev.unsafehints.robustness;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.unsafehints.grammar.Edition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the lexer, parser, declarations, analysis, report building and
 * diagnostic conversion ({@link FilePipeline}) with Jazzer.
 *
 * <p>In the normal test run Jazzer runs in regression mode: every seed below (the rule fixtures and
 * the real files of the test resources) and every input in
 * {@code src/test/resources/dev/unsafehints/robustness/AnalysisFuzzTestInputs/analyzeAnyText/} (crashes
 * found earlier, kept as regression inputs) runs once. {@code bench/fuzz} runs it in fuzzing mode
 * for as long as asked; a crash it finds is written to that folder and is a regression test from
 * then on.
 *
 * <p>Each input must go through without an exception, a failing rule, a StackOverflowError or a
 * range outside the text, within 2 s per started 100 KB. In regression mode that budget is
 * multiplied by {@code unsafehints.fuzz.slack} (default 10): on a shared machine the suite only
 * catches hangs, the fuzzing run (slack 1) the slowness.
 */
class AnalysisFuzzTest {
    private static final long BUDGET_NANOS_PER_100KB = 2_000_000_000L;
    private static final double SLACK = Double.parseDouble(System.getProperty("unsafehints.fuzz.slack",
            System.getenv("JAZZER_FUZZ") != null ? "1" : "10"));
    private static final Edition[] EDITIONS = Edition.values();
    private static boolean warmedUp;

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void analyzeAnyText(byte[] input) {
        // Any bytes are some text: invalid UTF-8 becomes U+FFFD, as an editor would show it.
        String text = new String(input, StandardCharsets.UTF_8);
        Edition edition = EDITIONS[input.length % EDITIONS.length];
        if (!warmedUp) { // the first run loads and compiles everything: not a measure of the input
            warmedUp = true;
            FilePipeline.run(text, edition);
        }
        long start = System.nanoTime();
        FilePipeline.run(text, edition);
        long elapsed = System.nanoTime() - start;
        long budget = (long) (BUDGET_NANOS_PER_100KB * (1 + input.length / 100_000) * SLACK);
        if (elapsed > budget) {
            throw new AssertionError(String.format("%d bytes took %.1f s (budget %.1f s)", input.length,
                    elapsed / 1e9, budget / 1e9));
        }
    }

    /** The rule fixtures and the real Rust files among the test resources. */
    static Stream<Arguments> seeds() {
        List<Arguments> seeds = new ArrayList<>();
        for (Path file : Corpus.fixtureFiles()) {
            try {
                seeds.add(Arguments.of((Object) Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds.stream();
    }
}
