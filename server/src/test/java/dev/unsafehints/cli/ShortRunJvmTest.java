package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan started without JVM options runs in a second JVM with the launchers' options: the same
 * report, the same exit code; nothing restarts when the options were chosen.
 */
class ShortRunJvmTest {
    private static final String JAVA_HOME = System.getProperty("java.home");
    private static final Path DEMO = Path.of("src/test/resources/scan/demo/src/lib.rs");

    @Test
    void aPlainStartRestartsWithTheLaunchersOptions() {
        List<String> command = ShortRunJvm.command(JAVA_HOME, List.of("-Xmx1g", "-Dx=y"), "app.jar",
                new String[] {"scan", "."}, Map.<String, String>of()::get);
        assertEquals(List.of(Path.of(JAVA_HOME, "bin", "java").toString(), "-Xmx1g", "-Dx=y",
                "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Dunsafehints.restarted=true", "-cp", "app.jar",
                Main.class.getName(), "scan", "."), command);
    }

    @Test
    void chosenOptionsAndToolOptionsKeepTheFirstJvm() {
        for (String option : List.of("-XX:TieredStopAtLevel=4", "-XX:+UseSerialGC", "-XX:+UseG1GC", "-Xint",
                "-XX:CompilerDirectivesFile=d.json", "-XX:-TieredCompilation")) {
            assertNull(ShortRunJvm.command(JAVA_HOME, List.of(option), "app.jar", new String[] {"scan"},
                    Map.<String, String>of()::get), option);
        }
        assertNull(ShortRunJvm.command(JAVA_HOME, List.of(), "app.jar", new String[] {"scan"},
                Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g")::get));
        assertNull(ShortRunJvm.command(JAVA_HOME, List.of(), "", new String[] {"scan"}, Map.<String, String>of()::get));
        assertNull(ShortRunJvm.command("/no/such/jdk", List.of(), "app.jar", new String[] {"scan"},
                Map.<String, String>of()::get));
    }

    @Test
    void theSecondJvmWritesTheSameReportAndExitCode(@TempDir Path temp) throws Exception {
        Path restarted = temp.resolve("restarted.json");
        Path chosen = temp.resolve("chosen.json");
        Result plain = run(temp, List.of(), restarted);
        Result withOptions = run(temp, List.of("-XX:+UseSerialGC"), chosen);
        assertTrue(plain.stderr.contains("-XX:TieredStopAtLevel=1") && plain.stderr.contains("-XX:+UseParallelGC"),
                plain.stderr);
        assertTrue(withOptions.stderr.contains("jvm options [-XX:+UseSerialGC"), withOptions.stderr);
        assertEquals(1, plain.code, "the demo has notes: --fail-on note exits with 1 " + plain.stderr);
        assertEquals(withOptions.code, plain.code);
        assertEquals(Files.readString(chosen), Files.readString(restarted));
    }

    private record Result(int code, String stderr) {
    }

    private static Result run(Path temp, List<String> options, Path report) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "scan",
                "--timings", "--no-cargo", "--fail-on", "note", "-f", "json", "-o", report.toString(), DEMO.toString()));
        Path err = temp.resolve("stderr-" + options.size());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        int code = builder.start().waitFor();
        return new Result(code, Files.readString(err, StandardCharsets.UTF_8));
    }
}
