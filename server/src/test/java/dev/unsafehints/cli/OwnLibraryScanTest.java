package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A package's binary and tests are crates of their own that name the package's library like a
 * dependency (fixture {@code scan/own-library}, which cargo builds and tests): {@code own_library::raw_read}
 * is the library's unsafe fn, while {@code helper}, {@code util::go} and {@code crate::util::go} in the
 * binary are the binary's own items, whatever the library declares under the same names, while the
 * library's union is known by its name as before. Each line that holds an unsafe call or a union
 * read says so in a {@code // unsafe-call: PATH} or {@code // union-field-access: PLACE} marker.
 */
class OwnLibraryScanTest {
    private static final Pattern MARKER = Pattern.compile("// (unsafe-call|union-field-access): (\\S+)");
    private static final Pattern WRITTEN = Pattern.compile("^(?:call to unsafe function|read of union field) `([^`]+)`");

    @Test
    void theBinaryAndTheTestsCallTheLibraryByItsCrateName() throws Exception {
        Path crate = Path.of(OwnLibraryScanTest.class.getResource("/scan/own-library/Cargo.toml").toURI()).getParent();
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", "--fail-on", "none",
                crate.toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> calls = new TreeMap<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).path("files")) {
            for (JsonNode s : f.path("sites")) {
                String at = f.path("path").asText() + ":" + s.path("region").path("startLine").asInt();
                String rule = s.path("ruleId").asText();
                Matcher m = WRITTEN.matcher(s.path("message").asText());
                if ((rule.equals("unsafe-call") || rule.equals("union-field-access")) && m.find()) {
                    calls.put(at, rule + " " + m.group(1));
                }
                assertEquals(false, s.path("ruleId").asText().equals("unused-unsafe"), at + " " + s);
            }
        }
        assertEquals(expected(crate), calls);
    }

    @Test
    void aCallIntoTheLibrarySaysItIsThePackagesOwn() throws Exception {
        Path crate = Path.of(OwnLibraryScanTest.class.getResource("/scan/own-library/Cargo.toml").toURI()).getParent();
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "text", "--fail-on", "none",
                crate.toString());
        assertEquals(true, run.out().contains("`own_library::raw_read` is declared `unsafe` in this package's library"
                + " `own_library`"), run.out());
    }

    private static Map<String, String> expected(Path crate) throws Exception {
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(crate)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".rs")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = MARKER.matcher(lines.get(i));
                    if (m.find()) {
                        expected.put(crate.relativize(file).toString().replace('\\', '/') + ":" + (i + 1),
                                m.group(1) + " " + m.group(2));
                    }
                }
            }
        }
        return expected;
    }
}
