package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The scan's watchdog: a file whose analysis takes longer than --file-time-limit is listed as skipped. */
class FileTimeLimitTest {
    @TempDir
    Path root;

    @Test
    void aFileOverTheLimitIsSkippedWithTheReasonAndTheScanGoesOn() throws Exception {
        Files.writeString(root.resolve("big.rs"),
                "unsafe fn f(p: *const u8) -> u8 { *p }\n".repeat(3_000));

        JsonNode limited = scan("--file-time-limit", "0.001", root.toString());
        JsonNode skipped = limited.path("skippedFiles").get(0);
        assertEquals("big.rs", skipped.path("path").asText());
        assertEquals("timed-out", skipped.path("reason").asText());
        assertTrue(skipped.path("message").asText().startsWith("not analysed: stopped after 0.001 s"),
                skipped.toString());

        JsonNode unlimited = scan(root.toString());
        assertEquals(0, unlimited.path("skippedFiles").size());
        assertEquals(3_000, unlimited.path("totals").path("counts").path("unsafe-fn").asInt());
    }

    @Test
    void theLimitMustBePositive() {
        assertEquals(ExitCode.USAGE.code(), run("--file-time-limit", "0", root.toString()));
    }

    private static JsonNode scan(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScanCommand command = new ScanCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 2];
        all[0] = "--format";
        all[1] = "json";
        System.arraycopy(args, 0, all, 2, args.length);
        new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).execute(all);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static int run(String... args) {
        ScanCommand command = new ScanCommand();
        command.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        command.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CommandLine(command).execute(args);
    }
}
