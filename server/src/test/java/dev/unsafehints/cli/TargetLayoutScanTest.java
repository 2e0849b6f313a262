package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;

/**
 * Item paths in the files of Cargo's other targets: a file of {@code src/bin/}, {@code tests/},
 * {@code examples/} or {@code benches/} and {@code build.rs} is the root of a crate of its own, so
 * its items are not under {@code bin::tool} or {@code tests::smoke}; the modules it declares follow
 * the usual rules from its folder. Each fixture file says the item path of its one site in a
 * {@code // item path:} comment.
 */
class TargetLayoutScanTest {
    private static final Pattern MARKER = Pattern.compile("// item path: (\\S+)");

    @Test
    void eachTargetFileIsACrateRoot() throws Exception {
        Path crate = fixture("target-layout");
        Scanned scanned = scan(crate);
        assertEquals(expected(crate), scanned.itemPaths());
        assertEquals(List.of("benches/speed.rs", "examples/demo.rs", "tests/common/mod.rs", "tests/smoke.rs",
                        "tests/suite/main.rs", "tests/suite/part.rs"), scanned.testOnly(),
                "the files of tests/, benches/ and examples/ are built only by cargo test, bench and --examples");
    }

    /**
     * A manifest that names its targets' paths and turns discovery off: {@code [lib] path = "lib.rs"}
     * and {@code [[bin]] path = "cli/main.rs"} are roots whose modules sit beside them, and with
     * {@code autotests = false} the files next to the one declared test are its modules, not tests of
     * their own; the test, example and bench targets are test-only wherever their folders are.
     */
    @Test
    void explicitTargetPathsAreCrateRootsAsCargoBuildsThem() throws Exception {
        Path crate = fixture("explicit-targets");
        Scanned scanned = scan(crate);
        assertEquals(expected(crate), scanned.itemPaths());
        assertEquals(List.of("perf/speed.rs", "samples/demo.rs", "tests/all.rs", "tests/helpers.rs",
                "tests/parts/mod.rs"), scanned.testOnly());
    }

    private record Scanned(Map<String, String> itemPaths, List<String> testOnly) {
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(TargetLayoutScanTest.class.getResource("/scan/" + name + "/Cargo.toml").toURI()).getParent();
    }

    /** The item path of each file's raw-pointer-deref site, and the files whose site is test-only. */
    private static Scanned scan(Path crate) throws Exception {
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", "--fail-on", "none",
                crate.toString());
        Map<String, String> found = new TreeMap<>();
        List<String> testOnly = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).path("files")) {
            for (JsonNode s : f.path("sites")) {
                if (s.path("ruleId").asText().equals("raw-pointer-deref")) {
                    String file = f.path("path").asText();
                    found.put(file, s.path("itemPath").asText());
                    if (s.path("testOnly").asBoolean()) {
                        testOnly.add(file);
                    }
                }
            }
        }
        return new Scanned(found, testOnly.stream().sorted().toList());
    }

    /** The item path each fixture file's marker expects, by the file's path in the crate. */
    private static Map<String, String> expected(Path crate) throws Exception {
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(crate)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".rs")).toList()) {
                Matcher m = MARKER.matcher(Files.readString(file));
                if (m.find()) {
                    expected.put(crate.relativize(file).toString().replace('\\', '/'), m.group(1));
                }
            }
        }
        return expected;
    }
}
