package dev.unsafehints.analysis.types;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixtures of the type model, {@code src/test/resources/types/*.rs}: a line holding unsafe
 * operations ends with one {@code //~ op} marker per operation; every other line holds none.
 */
final class TypeModelFixtures {
    static final Set<String> OPERATION_RULES = Set.of("raw-pointer-deref", "unsafe-call", "union-field-access",
            "static-mut-access", "inline-asm-use");
    private static final Pattern MARKER = Pattern.compile("//~\\s*op\\b");

    private TypeModelFixtures() {
    }

    static Stream<Path> all() throws IOException, URISyntaxException {
        Path dir = Path.of(TypeModelFixtures.class.getResource("/types").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(p -> p.toString().endsWith(".rs")).sorted().toList();
            return sorted.stream();
        }
    }

    /** Line (1-based) to the number of operations the markers expect there. */
    static Map<Integer, Integer> expected(String text) {
        Map<Integer, Integer> lines = new TreeMap<>();
        String[] split = text.split("\r?\n", -1);
        for (int i = 0; i < split.length; i++) {
            Matcher m = MARKER.matcher(split[i]);
            while (m.find()) {
                lines.merge(i + 1, 1, Integer::sum);
            }
        }
        return lines;
    }
}
