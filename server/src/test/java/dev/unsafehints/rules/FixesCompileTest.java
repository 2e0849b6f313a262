package dev.unsafehints.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.text.TextEdit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A quick fix must compile: for each rule and sample {@code src/test/resources/fixes/<sample>.rs}
 * (which compiles as it is), applies the first fix of every finding of that rule and compiles the
 * result with the real rustc ({@code --emit=metadata}). Skipped, saying so, when rustc is not installed.
 */
class FixesCompileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"borrow-as-ptr", "raw-pointer-cast:borrow-as-ptr", "ptr-as-ptr", "ptr-cast-constness"})
    void everyFixCompiles(String ruleAndSample) throws Exception {
        assumeTrue(rustc("--version").exitCode == 0, "rustc is not installed");
        String ruleId = ruleAndSample.split(":")[0];
        String text = sample(ruleAndSample.contains(":") ? ruleAndSample.split(":")[1] : ruleId);
        Compile original = compile(text, "original.rs");
        assertEquals(0, original.exitCode, "the sample must compile as it is:\n" + original.output);
        FileAnalysis analysis = RuleFixtureTest.analyze(text, ruleId);
        List<TextEdit> edits = new ArrayList<>();
        for (Finding f : analysis.findings()) {
            if (f.ruleId().equals(ruleId) && !f.fixes().isEmpty()) {
                edits.addAll(f.fixes().get(0).edits());
            }
        }
        assertFalse(edits.isEmpty(), "the sample gets no fix of " + ruleId);
        edits.sort(Comparator.comparingInt((TextEdit e) -> e.range().start()).reversed());
        StringBuilder fixed = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (TextEdit e : edits) {
            if (e.range().end() <= limit) { // overlapping edits: keep the later one
                fixed.replace(e.range().start(), e.range().end(), e.newText());
                limit = e.range().start();
            }
        }
        Compile result = compile(fixed.toString(), "fixed.rs");
        assertEquals(0, result.exitCode, "the fixed sample does not compile:\n" + result.output + "\n" + fixed);
    }

    private record Compile(int exitCode, String output) {
    }

    private Compile compile(String text, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return rustc("--edition", "2021", "--crate-type", "lib", "--emit=metadata", "--out-dir",
                dir.toString(), file.toString());
    }

    private static Compile rustc(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("rustc"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Compile(-1, "rustc timed out");
            }
            return new Compile(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Compile(-1, e.getMessage());
        }
    }

    private static String sample(String ruleId) throws IOException {
        try (InputStream in = FixesCompileTest.class.getResourceAsStream("/fixes/" + ruleId + ".rs")) {
            if (in == null) {
                throw new IOException("missing sample src/test/resources/fixes/" + ruleId + ".rs");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
