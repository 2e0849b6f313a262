package dev.unsafehints.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Review mode is protocol-free: the command line and the language server both sit on top of it,
 * so nothing in {@code dev.unsafehints.review} may use them. Checked on the sources (the imports and
 * any fully qualified use), which is instant; ArchitectureTest checks the LSP4J rule on the classes.
 */
class ReviewArchitectureTest {
    private static final List<String> FORBIDDEN = List.of("dev.unsafehints.cli.", "dev.unsafehints.lsp.",
            "org.eclipse.lsp4j.", "picocli.");

    @Test
    void reviewKnowsNothingOfTheFrontEnds() throws IOException {
        Path sources = Path.of("src/main/java/dev/unsafehints/review");
        assertTrue(Files.isDirectory(sources), "run from the server module: " + sources.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.list(sources)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    for (String prefix : FORBIDDEN) {
                        if (line.contains(prefix)) {
                            violations.add(f.getFileName() + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertTrue(files > 10, "found the review sources");
        assertEquals(List.of(), violations);
    }
}
