package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.lsp.inventory.ProgressReporter;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.DeclarationsCache;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server reads the crate graph after its first analyses and tells the index the
 * dependencies' names only once every package is in; the cache entries it writes on the way must
 * still hold what one dependency's macros declare in another (resources/macro-crates/deps: `wrapm`
 * calls `sysm::unsafe_wrappers!`, which writes `close_wrapped`), as the scanner's entries do.
 * Otherwise a later scan or server start that reads the entry would not know those items.
 */
class DependencyLoaderCacheTest {
    @TempDir
    Path dir;

    @Test
    void theCacheEntryTheServerWritesHoldsTheExpansionsOfADependencysMacros() throws Exception {
        copy(Path.of("src/test/resources/macro-crates/deps"), dir);
        Path app = dir.toRealPath().resolve("app");
        Path cache = dir.resolve("cache");
        WorkspaceIndex index = WorkspaceIndex.empty();
        try (DependencyLoader loader = new DependencyLoader(index, DeclarationsCache.in(cache),
                new ClientLog(new PrintStream(java.io.OutputStream.nullOutputStream())))) {
            DependencyLoader.Loaded loaded = loader.load(List.of(app), false, new CargoManifests(),
                    () -> ProgressReporter.NONE).get(60, TimeUnit.SECONDS);
            assertNotNull(loaded, "the graph was read from Cargo.lock");
            assertTrue(loaded.packages().stream().noneMatch(p -> p.fromCache()), "a cold cache");
        }
        assertTrue(wrapmEntryDeclares(cache, "close_wrapped"), "wrapm's cache entry holds what sysm's macro declares in it");
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Whether a cache entry of `wrapm` holds, among its expansions' declarations, the text {@code name}. */
    private static boolean wrapmEntryDeclares(Path cache, String name) throws Exception {
        boolean stored = false;
        int entries = 0;
        try (Stream<Path> files = Files.list(cache)) {
            for (Path entry : files.filter(p -> p.getFileName().toString().startsWith("wrapm")).toList()) {
                entries++;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(entry))) {
                    for (JsonNode file : new ObjectMapper().readTree(in).path("files")) {
                        stored |= file.path("expanded").path("files").toString().contains(name);
                    }
                }
            }
        }
        assertEquals(1, entries, "one entry for wrapm");
        return stored;
    }
}
