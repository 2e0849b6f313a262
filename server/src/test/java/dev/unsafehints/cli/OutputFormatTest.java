package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `-o report.html` writes HTML: without --format, the file name's extension chooses (it wrote text into report.html). */
class OutputFormatTest {
    @TempDir
    Path dir;

    private String scanTo(String name, String... format) throws Exception {
        Path crate = Files.createDirectories(dir.resolve("crate/src"));
        Files.writeString(crate.resolve("lib.rs"), "pub fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
        Path report = dir.resolve(name);
        String[] args = new String[format.length + 5];
        System.arraycopy(format, 0, args, 0, format.length);
        System.arraycopy(new String[] {"--no-cargo", "--fail-on", "none", "-o", report.toString()}, 0, args, format.length, 5);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = crate.getParent().toString();
        ScanFixture.Run run = ScanFixture.scan(all);
        assertEquals(0, run.exitCode(), run.err());
        return Files.readString(report);
    }

    @Test
    void theExtensionOfTheOutputFileChoosesTheFormat() throws Exception {
        assertTrue(scanTo("report.html").startsWith("<!DOCTYPE html>"), "html");
        assertTrue(scanTo("report.JSON").contains("\"schemaVersion\""), "json, any case");
        assertTrue(scanTo("out.sarif").contains("\"version\" : \"2.1.0\""), "sarif");
        assertTrue(scanTo("comment.md").startsWith("## Unsafe Hints:"), "markdown");
        assertTrue(scanTo("report.txt").contains("findings ("), "text");
        assertTrue(scanTo("forced.html", "-f", "text").contains("findings ("), "--format wins");
    }
}
