package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture under resources/fixtures parses without errors, in the fast stage, to the tree in the
 * golden file next to it (NAME.tree, one line per item, see TreeDump). To accept changed trees after
 * a deliberate grammar change, run with UPDATE_GOLDEN=1 and review the diff of the .tree files.
 */
class GoldenTreeTest {
    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.dir("fixtures"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rs")).sorted().toList();
            assertFalse(names.isEmpty(), "no fixtures found");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void parsesToGoldenTree(String name) throws IOException {
        String text = Fixtures.read(Fixtures.dir("fixtures").resolve(name));
        ParsedFile parsed = Fixtures.parse(text);

        assertEquals(List.of(), parsed.errors(), "syntax errors in " + name);
        assertFalse(parsed.neededFullLL(), name + " should parse in the fast stage");

        String dump = TreeDump.lines(parsed.tree());
        String goldenName = name.replace(".rs", ".tree");
        if (Fixtures.updateGolden()) {
            Files.writeString(Fixtures.sourceDir("fixtures").resolve(goldenName), dump, StandardCharsets.UTF_8);
            return;
        }
        Path golden = Fixtures.dir("fixtures").resolve(goldenName);
        assertTrue(Files.exists(golden), "missing " + goldenName + "; run with UPDATE_GOLDEN=1 to create it");
        assertEquals(Fixtures.read(golden), dump, "tree of " + name + " differs from " + goldenName);
    }
}
