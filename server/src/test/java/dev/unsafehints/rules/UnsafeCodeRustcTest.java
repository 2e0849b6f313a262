package dev.unsafehints.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `unsafe-code` rule reports exactly where rustc's `unsafe_code` lint does: its fixture, compiled
 * with the lint forbidden, gives the same lines and columns. Runs where rustc is installed.
 */
class UnsafeCodeRustcTest {
    @TempDir
    Path temp;

    @Test
    void sameLinesAndColumnsAsRustc() throws Exception {
        assumeTrue(dev.unsafehints.Rustc.installed(), "rustc is not installed");
        String text = RuleFixtureTest.fixture("unsafe-code");
        Path file = temp.resolve("unsafe_code.rs");
        Files.writeString(file, text);
        assertEquals("", errors(compile(file, List.of())), "the fixture itself must be valid Rust");
        Set<String> rustc = new TreeSet<>();
        for (JsonNode d : compile(file, List.of("-F", "unsafe_code"))) {
            if (d.path("code").path("code").asText().equals("unsafe_code")) {
                for (JsonNode span : d.path("spans")) {
                    if (span.path("is_primary").asBoolean()) {
                        rustc.add(span.path("line_start").asInt() + ":" + span.path("column_start").asInt());
                    }
                }
            }
        }
        FileAnalysis analysis = RuleFixtureTest.analyze(text, "unsafe-code");
        Set<String> ours = new TreeSet<>();
        for (Finding f : analysis.findings()) {
            if (f.ruleId().equals("unsafe-code")) {
                ours.add((analysis.start(f).line() + 1) + ":" + (analysis.start(f).column() + 1));
            }
        }
        assertEquals(rustc, ours);
    }

    private static String errors(List<JsonNode> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (JsonNode d : diagnostics) {
            if (d.path("level").asText().equals("error")) {
                out.append(d.path("rendered").asText());
            }
        }
        return out.toString();
    }

    /** rustc's JSON diagnostics for the file as a library crate, edition 2021. */
    private List<JsonNode> compile(Path file, List<String> extra) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("rustc", "--edition", "2021", "--crate-type", "lib",
                "--emit", "metadata", "--error-format", "json", "-o", temp.resolve("out.rmeta").toString()));
        command.addAll(extra);
        command.add(file.toString());
        Process p = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "rustc did not finish");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> diagnostics = new java.util.ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                diagnostics.add(json.readTree(line));
            }
        }
        return diagnostics;
    }
}
