package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the standard library's sources at hand (`--rust-src`, RUST_SRC_PATH or rust-src), calls
 * into std, core, alloc and core::arch are resolved from their declarations, through std's
 * re-exports, and the declarations are cached between runs (resources/std-sources: a miniature
 * library with the real one's shapes; its apps mark the expected calls with `//~ unsafe-call`).
 */
class StdSourcesScanTest {
    private static final Pattern MARKER = Pattern.compile("//~ (unsafe-call)");

    @TempDir
    Path dir;
    Path library;

    @BeforeEach
    void copyFixture() throws Exception {
        ScanFixture.copy(Path.of("src/test/resources/std-sources"), dir);
        library = dir.resolve("library");
    }

    @Test
    void callsIntoTheStandardLibraryAreResolvedFromItsSources() throws Exception {
        for (String app : List.of("app", "app2024")) {
            Run run = scan("--no-cargo", "--no-cache", "--rust-src", library.toString(), dir.resolve(app).toString());
            Path lib = dir.resolve(app).resolve("src/lib.rs");
            assertEquals(expected(lib), unsafeCalls(run.json()), app + ": " + run.err());
            JsonNode std = run.json().path("scan").path("standardLibrary");
            assertEquals("sources", std.path("source").asText());
            assertEquals("--rust-src", std.path("origin").asText());
        }
    }

    @Test
    void theCalleesOwnDeclarationIsNamed() throws Exception {
        Run run = scan("--no-cargo", "--no-cache", "--rust-src", library.toString(), dir.resolve("app").toString());
        List<String> messages = new ArrayList<>();
        for (JsonNode site : run.json().path("files").get(0).path("sites")) {
            if (site.path("ruleId").asText().equals("unsafe-call")) {
                messages.add(site.path("message").asText());
            }
        }
        assertTrue(messages.contains("call to unsafe function `_mm_loadu_si128`: "
                + "`core::arch::x86_64::_mm_loadu_si128` is an unsafe function of the standard library"), messages.toString());
    }

    @Test
    void theSecondRunReadsTheCacheAndAgrees() throws Exception {
        Path cache = dir.resolve("cache");
        String app = dir.resolve("app").toString();
        Run first = scan("--no-cargo", "--cache-dir", cache.toString(), "--rust-src", library.toString(), app);
        List<Path> entries;
        try (Stream<Path> s = Files.list(cache)) {
            entries = s.sorted().toList();
        }
        assertEquals(3, entries.size(), entries.toString()); // core, alloc, std
        Run second = scan("--no-cargo", "--cache-dir", cache.toString(), "--rust-src", library.toString(), app);
        assertEquals(unsafeCalls(first.json()), unsafeCalls(second.json()));
        // a corrupt entry is a miss: indexed again, same result
        for (Path entry : entries) {
            Files.writeString(entry, "not gzip");
        }
        Run third = scan("--no-cargo", "--cache-dir", cache.toString(), "--rust-src", library.toString(), app);
        assertEquals(unsafeCalls(first.json()), unsafeCalls(third.json()), third.err());
        assertEquals(0, third.exitCode(), third.err());
    }

    @Test
    void anEditedSourceIsIndexedAgain() throws Exception {
        Path cache = dir.resolve("cache");
        String app = dir.resolve("app").toString();
        scan("--no-cargo", "--cache-dir", cache.toString(), "--rust-src", library.toString(), app);
        Path fs = library.resolve("core/src/ptr/mod.rs");
        Files.writeString(fs, Files.readString(fs).replace("pub const fn null", "pub const unsafe fn null"));
        Run run = scan("--no-cargo", "--cache-dir", cache.toString(), "--rust-src", library.toString(), app);
        assertTrue(unsafeCalls(run.json()).containsKey(10), "core::ptr::null is now unsafe: " + unsafeCalls(run.json()));
        // a file that `#[path]` pulls in from outside core's folder counts too
        Path sse2 = library.resolve("stdarch/crates/core_arch/src/x86/sse2.rs");
        Files.writeString(sse2, Files.readString(sse2).replace(
                "#[target_feature(enable = \"sse2\")]\npub unsafe fn _mm_loadu_si128", "pub fn _mm_loadu_si128"));
        run = scan("--no-cargo", "--cache-dir", cache.toString(), "--rust-src", library.toString(), app);
        assertFalse(unsafeCalls(run.json()).containsKey(16), "_mm_loadu_si128 is now safe: " + unsafeCalls(run.json()));
    }

    @Test
    void withoutSourcesTheBuiltInListIsUsedAndTheUserIsTold() throws Exception {
        Run run = scan("--no-cargo", "--no-cache", "--rust-src", dir.resolve("nowhere").toString(),
                dir.resolve("app").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--rust-src " + dir.resolve("nowhere") + " holds no core/src/lib.rs"), run.err());
    }

    @Test
    void aFolderWithoutCoreIsNotTakenForTheLibrary() {
        assertFalse(dev.unsafehints.workspace.StdSources.locate(Map.of("RUST_SRC_PATH", dir.toString() + "/app"))
                .found());
        assertTrue(dev.unsafehints.workspace.StdSources.locate(Map.of("RUST_SRC_PATH", dir.toString())).found(),
                "the folder above `library` is accepted too");
    }

    /** Line number to the number of unsafe calls reported there. */
    private static Map<Integer, Integer> unsafeCalls(JsonNode json) {
        Map<Integer, Integer> lines = new TreeMap<>();
        for (JsonNode file : json.path("files")) {
            for (JsonNode site : file.path("sites")) {
                if (site.path("ruleId").asText().equals("unsafe-call")) {
                    lines.merge(site.path("region").path("startLine").asInt(), 1, Integer::sum);
                }
            }
        }
        return lines;
    }

    private static Map<Integer, Integer> expected(Path file) throws Exception {
        Map<Integer, Integer> lines = new TreeMap<>();
        String[] text = Files.readString(file).split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            Matcher m = MARKER.matcher(text[i]);
            while (m.find()) {
                lines.merge(i + 1, 1, Integer::sum);
            }
        }
        return lines;
    }

    private record Run(int exitCode, JsonNode json, String err) {
    }

    private static Run scan(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(List.of(args));
        ScanFixture.Run run = ScanFixture.scanWithRealRules(all.toArray(String[]::new));
        return new Run(run.exitCode(), new ObjectMapper().readTree(run.out().isEmpty() ? "{}" : run.out()), run.err());
    }
}
