package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.engine.Analyzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Lint attributes on the crate root and on {@code mod x;} declarations reach the module files and
 * their module trees, the nearest level winning (a deeper {@code warn} re-enables), when the scanner
 * analyses one file at a time: {@code src/test/resources/scan/inherited-lints}, whose files mark
 * where a finding is expected with {@code //~ rule-id}.
 */
class InheritedLintLevelsTest {
    private static final Path SOURCE = Path.of("src/test/resources/scan/inherited-lints");
    private static final Pattern MARKER = Pattern.compile("//~\\s*([a-z0-9-]+)");
    private static final String RULE = "missing-safety-doc";

    @TempDir
    Path temp;

    @Test
    void crateRootAndModDeclarationLevelsReachEveryFileOfTheModuleTree() throws IOException {
        Path root = temp.resolve("inherited-lints");
        ScanFixture.copy(SOURCE, root);
        ScanCommand command = new ScanCommand();
        command.analyzer = new Analyzer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).execute("--format", "json", "--no-cargo", "--fail-on", "none",
                root.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));

        Map<String, Set<Integer>> actual = new TreeMap<>();
        for (JsonNode file : json.path("files")) {
            Set<Integer> lines = new TreeSet<>();
            for (JsonNode site : file.path("sites")) {
                if (site.path("ruleId").asText().equals(RULE)) {
                    lines.add(site.path("region").path("startLine").asInt());
                }
            }
            actual.put(file.path("path").asText(), lines);
        }
        assertEquals(expected(root), actual);
    }

    /** Per file (relative path), the lines marked {@code //~ missing-safety-doc}. */
    private static Map<String, Set<Integer>> expected(Path root) throws IOException {
        Map<String, Set<Integer>> expected = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root.resolve("src"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".rs")).toList()) {
                Set<Integer> lines = new TreeSet<>();
                java.util.List<String> text = Files.readAllLines(file);
                for (int i = 0; i < text.size(); i++) {
                    var m = MARKER.matcher(text.get(i));
                    if (m.find() && m.group(1).equals(RULE)) {
                        lines.add(i + 1);
                    }
                }
                expected.put(root.relativize(file).toString().replace('\\', '/'), lines);
            }
        }
        return expected;
    }
}
