package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How a scan ends when there is nothing to scan or nobody reads the report (issue 19, items 10 and 11). */
class CommandLineEndsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithoutRustFilesIsAUsageError() {
        Run run = run(new ByteArrayOutputStream(), dir.toString());
        assertEquals(ExitCode.USAGE.code(), run.code());
        assertTrue(run.err().contains("no Rust files under " + dir), run.err());
    }

    @Test
    void aFileThatIsNotRustIsSkippedWithTheReason() throws IOException {
        Path readme = Files.writeString(dir.resolve("README.md"), "# not Rust\n");
        Path lib = Files.writeString(dir.resolve("lib.rs"), "pub unsafe fn f() {}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Run run = run(out, "--format", "json", readme.toString(), lib.toString());
        assertEquals(0, run.code(), run.err());
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"reason\" : \"not-rust\""), json);

        assertEquals(ExitCode.USAGE.code(), run(new ByteArrayOutputStream(), readme.toString()).code(),
                "only a file that is not Rust: nothing to scan");
    }

    @Test
    void aRustFileThatIsNotRustListsTenSyntaxErrorsAndCountsTheRest() throws IOException {
        Files.writeString(dir.resolve("notes.rs"), "# Notes\n\nSome `code` and more `code`.\n".repeat(40));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Run run = run(out, "--color", "never", dir.resolve("notes.rs").toString());
        assertEquals(0, run.code(), run.err());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(10, text.lines().filter(l -> l.contains("  syntax error  ")).count(), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("  .*notes\\.rs: \\d+ more syntax errors \\(all of them in -f json\\)")), text);
    }

    @Test
    void aReaderThatStopsReadingEndsTheScanQuietly() throws IOException {
        Files.writeString(dir.resolve("lib.rs"), "pub fn f(p: *const u8) -> u8 { unsafe { *p } }\n".repeat(200));
        OutputStream closedAfterAFewBytes = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 100) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        Run run = run(closedAfterAFewBytes, "--fail-on", "none", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(run.err().contains("cannot write"), run.err());
    }

    private record Run(int code, String err) {
    }

    private static Run run(OutputStream out, String... args) {
        ScanCommand command = new ScanCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 1];
        all[0] = "--no-cargo";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).execute(all);
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }
}
