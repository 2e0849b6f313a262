package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shapes of code that make parsers slow (chains of range operators, nested closures, long operator
 * chains, deep generics, comparisons that look like generics, keywords with optional operands) cost
 * a parse work linear in their size, in each stage of the parse: in a function that the fast stage
 * reads, in one that needs the full-LL stage, and in a file with a syntax error (the recovering
 * stage). Work is counted, not timed ({@link ParseWork}: tokens read by predictions and steps of
 * the grammar's simulation), so the test gives the same answer on a busy machine.
 *
 * <p>Two checks per shape and stage: the work per token stays within a fixed multiple of that of a
 * plain file of the same size, and it does not grow when the shape gets twice as long (the file
 * keeps its size, with half as many copies). Before the full-LL stage was bounded, the range chain
 * took minutes; before the full-LL stage let {@code return}, {@code break} and {@code yield} take their
 * operand as Rust does, a chain of 160 of them cost hundreds of times the plain file's work per
 * token, four times more at each doubling of the chain.
 */
class WorstCaseParseTimeTest {
    /**
     * The costliest shape is at about 68: nested closures in the full-LL stage (a full-context
     * decision at each {@code |x|}, on a deep call stack); the others are under 15.
     */
    private static final double MAX_RATIO = 100;
    /** How much the work per token may grow when the shape doubles: linear work does not grow. */
    private static final double MAX_GROWTH = 1.25;
    private static final int SIZE = 20_000;
    private static final int LENGTH = 40;

    /** The three stages: a valid item read fast, a valid item that needs full LL, a file with an error. */
    private static final List<UnaryOperator<String>> STAGES = List.of(
            shape -> "fn f() {\n    let _v = " + shape + ";\n}\n",
            shape -> "fn f() {\n    loop { if break { } }\n    let _v = " + shape + ";\n}\n",
            shape -> "fn f() {\n    let = ;\n    let _v = " + shape + ";\n}\n");
    private static final List<String> STAGE_NAMES = List.of("fast stage", "full-LL stage", "recovering stage");

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
                Arguments.of("returns and ranges", (IntFunction<String>) n -> repeat("return", n, " ") + " .."),
                Arguments.of("breaks and ranges", (IntFunction<String>) n -> "loop { " + repeat("break", n, " ") + " .. }"),
                Arguments.of("labelled breaks", (IntFunction<String>) n -> "'a: loop { " + repeat("break 'a", n, " ") + " .. }"),
                Arguments.of("yields", (IntFunction<String>) n -> repeat("yield", n, " ") + " .."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void parseWorkIsLinearInTheShapesSize(String name, IntFunction<String> shape) {
        double plain = PLAIN_WORK.perToken();
        for (int stage = 0; stage < STAGES.size(); stage++) {
            String file = fileOf(STAGES.get(stage).apply(shape.apply(LENGTH)));
            String twiceAsLong = fileOf(STAGES.get(stage).apply(shape.apply(2 * LENGTH)));
            String what = name + " in the " + STAGE_NAMES.get(stage);
            ParsedFile parsed = RustParsing.parse(file, Edition.E2021);
            assertEquals(stage == 2, parsed.hasErrors(), what + ": " + parsed.errors());
            assertEquals(stage >= 1, parsed.neededFullLL(), what);

            ParseWork work = RustParsing.measureWork(file, Edition.E2021);
            ParseWork longer = RustParsing.measureWork(twiceAsLong, Edition.E2021);
            double ratio = work.perToken() / plain;
            double growth = longer.perToken() / work.perToken();
            assertTrue(ratio < MAX_RATIO, String.format("%s: %.1f times the work per token of a plain file (%s)",
                    what, ratio, work));
            assertTrue(growth < MAX_GROWTH, String.format("%s: work per token %.2f times as much when twice as long"
                    + " (%s, then %s)", what, growth, work, longer));
        }
    }

    @org.junit.jupiter.api.Test
    void countsAreTheSameOnEveryParse() {
        String file = fileOf(STAGES.get(1).apply(repeat("..=..=.. ..", LENGTH, " ")));
        ParseWork first = RustParsing.measureWork(file, Edition.E2021);
        RustParsing.parse(file, Edition.E2021); // what the shared caches hold does not count
        assertEquals(first, RustParsing.measureWork(file, Edition.E2021));
        assertTrue(first.fullContextDecisions() > 0, first.toString());
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
    private static final ParseWork PLAIN_WORK = RustParsing.measureWork(fileOf(PLAIN_FUNCTION), Edition.E2021);

    /** Copies of {@code item} (renamed so that each is its own function) up to about {@link #SIZE} characters. */
    private static String fileOf(String item) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; file.length() < SIZE; i++) {
            file.append(item.replaceFirst("fn (\\w+)", "fn $1_" + i)).append('\n');
        }
        return file.toString();
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
