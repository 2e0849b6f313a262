package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shapes of code that make parsers slow (chains of range operators, nested closures, long operator
 * chains, deep generics, comparisons that look like generics), in a function that needs the
 * full-LL stage and in a file with a syntax error (the recovering stage): each parses in time
 * within a fixed multiple of the time a plain file of the same size takes. The bound is a ratio,
 * measured in the same run, so a slow or busy machine does not fail it; before the full-LL stage
 * was bounded, the range chain alone took minutes.
 */
class WorstCaseParseTimeTest {
    /**
     * Generous: the slowest shape takes about 40 times a plain file on a quiet machine, and up to
     * 160 on a loaded one (2 cores, load 10); the hang this guards against was over 10,000 times.
     * (Next step: count the parser's lookahead work instead of timing it.)
     */
    private static final double MAX_RATIO = 1_000;
    private static final int SIZE = 40_000;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("range chain", (IntFunction<String>) n -> repeat("..=..=.. ..", n, " ")),
                Arguments.of("nested closures", (IntFunction<String>) n -> repeat("|x|", n, " ") + " x"),
                Arguments.of("closures with blocks", (IntFunction<String>) n ->
                        repeat("move |_: u8| -> _ {", n, " ") + " 0 " + repeat("}", n, " ")),
                Arguments.of("operator chain", (IntFunction<String>) n -> operatorChain(4 * n)),
                Arguments.of("deep generics", (IntFunction<String>) n ->
                        repeat("Vec::<", n, "") + "u8" + repeat(">", n, "") + "::new()"),
                Arguments.of("comparisons like generics", (IntFunction<String>) n ->
                        "(a" + repeat(" < b > c", n, "") + ")"),
                Arguments.of("returns and ranges", (IntFunction<String>) n -> repeat("return", n, " ") + " .."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void parsesInTimeLinearInItsSize(String name, IntFunction<String> shape) {
        String plain = fileOf(PLAIN_FUNCTION);
        String needsFullLL = fileOf("fn f() {\n    loop { if break { } }\n    let _v = " + shape.apply(40) + ";\n}\n");
        String broken = fileOf("fn f() {\n    let = ;\n    let _v = " + shape.apply(40) + ";\n}\n");

        ParsedFile full = RustParsing.parse(needsFullLL, Edition.E2021);
        assertEquals(List.of(), full.errors(), name);
        assertTrue(full.neededFullLL(), name);
        assertFalse(RustParsing.parse(broken, Edition.E2021).errors().isEmpty(), name);

        double base = bestTime(plain);
        for (String text : List.of(needsFullLL, broken)) {
            double ratio = bestTime(text) / base;
            assertTrue(ratio < MAX_RATIO, String.format("%s: %.0f times the time of a plain file of the same size",
                    name, ratio));
        }
    }

    private static final String PLAIN_FUNCTION = """
            pub fn checksum(data: &[u8], seed: u32) -> u32 {
                let mut sum = seed;
                for (i, byte) in data.iter().enumerate() {
                    sum = sum.wrapping_mul(31).wrapping_add(u32::from(*byte) ^ i as u32);
                    if sum % 7 == 0 { sum >>= 1; } else { sum += 3; }
                }
                match sum { 0 => 1, n => n }
            }
            """;

    /** Copies of {@code item} (renamed so that each is its own function) up to about {@link #SIZE} characters. */
    private static String fileOf(String item) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; file.length() < SIZE; i++) {
            file.append(item.replaceFirst("fn (\\w+)", "fn $1_" + i)).append('\n');
        }
        return file.toString();
    }

    /** The shortest of several parses, after warming up: the steadiest figure a shared machine gives. */
    private static double bestTime(String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            RustParsing.parse(text, Edition.E2021);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static String repeat(String s, int n, String separator) {
        return String.join(separator, Collections.nCopies(n, s));
    }

    private static String operatorChain(int operators) {
        String[] ops = {"+", "*", "<<", "&", "|", "==", "&&", "||", "-", "/", "%", "^"};
        StringBuilder chain = new StringBuilder("a");
        for (int i = 0; i < operators; i++) {
            chain.append(' ').append(ops[i % ops.length]).append(" b").append(i);
        }
        return chain.toString();
    }
}
