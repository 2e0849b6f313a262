package dev.unsafehints.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Rust files to attack: the fixtures of this repository, and the Debian Rust registry
 * ({@code /usr/share/cargo/registry}, from the {@code librust-*-dev} packages) when it is installed.
 */
final class Corpus {
    /** Where Debian's librust-*-dev packages put their sources. */
    static final Path REGISTRY = Path.of(System.getProperty("unsafehints.corpus", "/usr/share/cargo/registry"));
    private static final List<Path> FIXTURE_ROOTS = List.of(Path.of("src/test/resources/rules"),
            Path.of("src/test/resources/scan/demo"), Path.of("src/test/resources/e2e-crate"),
            Path.of("../examples/demo-crate"));

    private Corpus() {
    }

    /** Every .rs file among the fixtures, sorted. */
    static List<Path> fixtureFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : FIXTURE_ROOTS) {
            files.addAll(rustFilesUnder(root));
        }
        return files;
    }

    /**
     * {@code count} files of at most {@code maxBytes}, picked with a seeded random from the registry
     * when it is installed, else from the fixtures (all of them, when there are fewer).
     */
    static List<Path> sample(int count, long maxBytes, long seed) {
        List<Path> pool = Files.isDirectory(REGISTRY) ? rustFilesUnder(REGISTRY) : fixtureFiles();
        pool = new ArrayList<>(pool.stream().filter(p -> size(p) <= maxBytes && size(p) > 0).toList());
        java.util.Collections.shuffle(pool, new Random(seed));
        return pool.subList(0, Math.min(count, pool.size()));
    }

    static List<Path> rustFilesUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
