package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates our SARIF with Microsoft's SARIF Multitool, with the SARIF spec rules and GitHub's
 * ingestion rules ({@code --rule-kind "Gh;Sarif"}). The tool comes from npm:
 * {@code npm ci --prefix server/src/test/sarif-tools}; without it the test is skipped.
 */
class SarifMultitoolValidationTest {
    static final Path TOOL = Path.of("src/test/sarif-tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");

    @TempDir
    Path temp;

    @Test
    void ourSarifHasNoValidationErrors() throws Exception {
        assumeTrue(Files.isExecutable(TOOL), "SARIF Multitool not installed: npm ci --prefix server/src/test/sarif-tools");
        ScanFixture fixture = new ScanFixture(temp);
        Path sarif = temp.resolve("demo.sarif");
        ScanFixture.Run run = ScanFixture.scan("--format", "sarif", "-o", sarif.toString(),
                "--max-file-size", ScanFixture.SIZE_LIMIT, fixture.root.toString());
        assertEquals(0, run.exitCode(), run.err());

        Process p = new ProcessBuilder(List.of(TOOL.toAbsolutePath().toString(), "validate", "--rule-kind", "Gh;Sarif",
                sarif.toString()))
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("multitool.txt").toFile())
                .start();
        p.getOutputStream().close();
        p.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(temp.resolve("multitool.txt"), StandardCharsets.UTF_8);
        Path kept = Path.of("target/sarif-validation");
        Files.createDirectories(kept);
        Files.copy(sarif, kept.resolve("demo.sarif"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(kept.resolve("multitool.txt"), output);
        List<String> errors = output.lines().filter(l -> l.contains(": error ")).toList();
        assertTrue(errors.isEmpty(), String.join("\n", errors) + "\n" + output);
        List<String> warnings = output.lines().filter(l -> l.contains(": warning ")).toList();
        assertTrue(warnings.isEmpty(), "no warnings either:\n" + String.join("\n", warnings));
        assertTrue(output.contains("Analysis completed successfully") || p.exitValue() == 0, output);
    }

}
