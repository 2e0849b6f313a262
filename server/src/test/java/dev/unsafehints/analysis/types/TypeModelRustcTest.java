package dev.unsafehints.analysis.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures' markers are the compiler's truth: with the `unsafe` keyword of every block blanked
 * out, rustc reports each unsafe operation (E0133) at its span; the lines and counts must be the
 * markers', and the analysis must report each at rustc's line and column (`(f())` at the `(`, a
 * union pattern `U { b: x }` at `x`). Runs where rustc is installed.
 */
class TypeModelRustcTest {
    @TempDir
    Path temp;

    static Stream<Path> fixtures() throws Exception {
        return TypeModelFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rustcReportsTheMarkedOperations(Path fixture) throws Exception {
        assumeTrue(dev.unsafehints.Rustc.installed(), "rustc is not installed");
        String text = Files.readString(fixture);
        Path original = temp.resolve("original.rs");
        Files.writeString(original, text);
        assertEquals("", compile(original), "the fixture itself must be valid Rust");
        // same length, so that lines and columns stay where they are
        Path blanked = temp.resolve(fixture.getFileName());
        Files.writeString(blanked, text.replaceAll("\\bunsafe(\\s*)\\{", "      $1{"));
        String errors = compile(blanked);
        Map<Integer, Integer> reported = new TreeMap<>();
        Map<String, Integer> positions = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : errors.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode d = json.readTree(line);
            if (d.path("code").path("code").asText().equals("E0133")) {
                for (JsonNode span : d.path("spans")) {
                    if (span.path("is_primary").asBoolean()) {
                        reported.merge(span.path("line_start").asInt(), 1, Integer::sum);
                        positions.merge(span.path("line_start").asInt() + ":" + span.path("column_start").asInt(), 1,
                                Integer::sum);
                    }
                }
            }
        }
        assertEquals(TypeModelFixtures.expected(text), reported, errors);
        assertEquals(positions, analysisPositions(fixture.getFileName(), text), "line:column of each operation");
    }

    /** Where the analysis reports each operation, as {@code line:column} (1-based, as rustc's spans) to a count. */
    private static Map<String, Integer> analysisPositions(Path name, String text) {
        CrateInfo crate = new CrateInfo(null, "fixture", "0.0.0", Edition.E2021);
        FileAnalysis analysis = new Analyzer().analyze(new SourceDocument(name, text, crate), AnalysisSettings.DEFAULT,
                WorkspaceIndex.empty());
        Map<String, Integer> positions = new TreeMap<>();
        for (Finding f : analysis.findings()) {
            if (TypeModelFixtures.OPERATION_RULES.contains(f.ruleId())) {
                positions.merge((analysis.start(f).line() + 1) + ":" + (analysis.start(f).column() + 1), 1, Integer::sum);
            }
        }
        return positions;
    }

    /** rustc's JSON diagnostics for a library crate of that one file (errors only; empty when it compiles). */
    private String compile(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("rustc", "--edition", "2021", "--crate-type", "lib", "--emit", "metadata",
                "--error-format", "json", "-A", "warnings", "-o", temp.resolve("out.rmeta").toString(),
                file.toString()).directory(temp.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "rustc did not finish");
        return errors.strip();
    }
}
