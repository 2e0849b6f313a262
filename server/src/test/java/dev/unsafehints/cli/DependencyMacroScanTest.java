package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dependency's `#[macro_export]` macros are expanded where the crate calls them, by path
 * (`sysm::syscall!`), after `use sysm::syscall;` and through `#[macro_use] extern crate sysm;`,
 * and their `$crate` is the dependency (resources/macro-crates/deps: `app` depends on
 * `sysmacros` under the name `sysm`; the graph comes from its Cargo.lock, so cargo need not run).
 * The operations found must be exactly the `//~ rule-id` markers of app's files: what a dependency's
 * macro writes inside its own `unsafe` block is the dependency's and not reported at the call (the
 * call compiles without `unsafe`, as rustc says); what it writes for the caller's block is.
 */
class DependencyMacroScanTest {
    private static final Pattern MARKER = Pattern.compile("//~\\s*([a-z0-9-]+)");
    private static final Set<String> OPERATIONS = Set.of("unsafe-call", "raw-pointer-deref", "static-mut-access",
            "union-field-access", "macro-not-expanded");

    @TempDir
    Path dir;

    /**
     * A dependency whose items another dependency's macro writes (`wrapm`, through
     * `sysm::unsafe_wrappers!`) is stored in the declarations cache with those items: a second run,
     * from the cache, reports exactly what the cold one did.
     */
    @Test
    void aCachedRunFindsWhatAColdOneFoundWithTheDependenciesExpansionsStored() throws Exception {
        ScanFixture.copy(Path.of("src/test/resources/macro-crates/deps"), dir);
        Path app = dir.resolve("app");
        Path cache = dir.resolve("cache");
        ScanFixture.Run cold = ScanFixture.scanWithRealRules("--format", "json", "--no-cargo", "--cache-dir",
                cache.toString(), app.toString());
        Set<String> coldSites = sites(cold);
        assertEquals(true, coldSites.stream().anyMatch(s -> s.contains("close_wrapped")), coldSites.toString());
        boolean stored = false;
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith("wrapm")).toList()) {
                try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(entry))) {
                    for (JsonNode file : new ObjectMapper().readTree(in).path("files")) {
                        // the declarations the expansion made, not the call's input text
                        stored |= file.path("expanded").path("files").toString().contains("close_wrapped");
                    }
                }
            }
        }
        assertEquals(true, stored, "wrapm's cache entry holds what sysm's macro declares in it");
        ScanFixture.Run cached = ScanFixture.scanWithRealRules("--format", "json", "--no-cargo", "--cache-dir",
                cache.toString(), "--timings", app.toString());
        assertEquals(true, cached.err().contains("from the cache"), cached.err());
        assertEquals(coldSites, sites(cached));
    }

    /** Each operation site of a JSON report: file, line, rule and message. */
    private static Set<String> sites(ScanFixture.Run run) throws Exception {
        Set<String> sites = new TreeSet<>();
        for (JsonNode file : new ObjectMapper().readTree(run.out()).path("files")) {
            for (JsonNode site : file.path("sites")) {
                if (OPERATIONS.contains(site.path("ruleId").asText())) {
                    sites.add(file.path("path").asText() + ":" + site.path("region").path("startLine").asInt() + " "
                            + site.path("ruleId").asText() + " " + site.path("message").asText());
                }
            }
        }
        return sites;
    }

    @Test
    void aDependencysExportedMacrosAreExpandedAndTheirCrateIsTheDependency() throws Exception {
        ScanFixture.copy(Path.of("src/test/resources/macro-crates/deps"), dir);
        Path app = dir.resolve("app");
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(app.resolve("src"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".rs")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    while (m.find()) {
                        expected.add(app.relativize(file) + ":" + (i + 1) + " " + m.group(1));
                    }
                }
            }
        }
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--format", "json", "--no-cargo", app.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        Set<String> actual = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        for (JsonNode file : json.path("files")) {
            for (JsonNode site : file.path("sites")) {
                String rule = site.path("ruleId").asText();
                if (OPERATIONS.contains(rule)) {
                    actual.add(file.path("path").asText() + ":" + site.path("region").path("startLine").asInt() + " " + rule);
                    messages.add(site.path("message").asText());
                }
            }
        }
        assertEquals(expected, actual, run.err() + messages);
        assertEquals(true, messages.stream().anyMatch(m -> m.contains("`sysm::sys::close`")
                && m.contains("in the expansion of `raw_syscall!`") && m.contains("dependency `sysm`")), messages.toString());
    }
}
