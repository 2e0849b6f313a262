package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared lookahead cache stays bounded and parsing stays right while it is dropped, also in parallel. */
class PredictionCacheTest {
    @AfterEach
    void restoreBound() {
        PredictionCache.maxStates(PredictionCache.DEFAULT_MAX_STATES);
        PredictionCache.clear();
    }

    @Test
    void cacheIsDroppedWhenItGrowsPastTheBound() throws IOException {
        Map<String, String> expected = dumpsOfFixtures();
        PredictionCache.clear();
        PredictionCache.maxStates(150);
        int resetsBefore = PredictionCache.resets();
        for (int round = 0; round < 3; round++) {
            assertEquals(expected, dumpsOfFixtures());
            // one parse adds at most a few hundred states to a cache that was under the bound
            assertTrue(PredictionCache.states() < 150 + 2000, "states: " + PredictionCache.states());
        }
        assertTrue(PredictionCache.resets() > resetsBefore, "the small bound should have dropped the cache");
    }

    @Test
    void parsesInParallelWhileTheCacheIsDropped() throws Exception {
        Map<String, String> expected = dumpsOfFixtures();
        PredictionCache.clear();
        PredictionCache.maxStates(300);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                results.add(pool.submit(PredictionCacheTest::dumpsOfFixtures));
            }
            for (Future<Map<String, String>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fixture name to its tree dump (or its errors, if any). */
    static Map<String, String> dumpsOfFixtures() throws IOException {
        Map<String, String> dumps = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Fixtures.dir("fixtures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rs")).sorted().toList()) {
                ParsedFile parsed = Fixtures.parse(Fixtures.read(f));
                dumps.put(f.getFileName().toString(),
                        parsed.errors().isEmpty() ? TreeDump.of(parsed.tree()) : parsed.errors().toString());
            }
        }
        return dumps;
    }
}
