package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text report's paths open from the shell where the scan ran (issue 19 item 9): relative to the
 * current folder like rustc's, not to the scanned folder.
 */
class TextReportPathsTest {
    private static final String FIXTURE = "src/test/resources/scan/levels"; // the tests run in server/

    @Test
    void aFolderBelowTheCurrentOneShowsPathsFromHere() {
        assertTrue(Files.isDirectory(Path.of(FIXTURE)), "the tests run in server/");
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", "--fail-on", "none", FIXTURE);
        assertTrue(run.out().contains("\n" + FIXTURE + "/src/lib.rs:8:5  missing-safety-comment"), run.out());
        assertTrue(run.out().startsWith(FIXTURE + "/src/lib.rs (7 findings)\n"), run.out());
    }

    @Test
    void aFolderGivenRelativeOutsideTheCurrentOneShowsTheWayThere(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/lib.rs"), "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.toAbsolutePath());
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", "--fail-on", "none",
                relative.toString());
        assertTrue(run.out().contains("\n" + relative.toString().replace('\\', '/') + "/src/lib.rs:2:5  "), run.out());

        ScanFixture.Run absolute = ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", "--fail-on", "none",
                dir.toAbsolutePath().toString());
        assertTrue(absolute.out().contains("\n" + dir.toAbsolutePath().resolve("src/lib.rs").toString().replace('\\', '/')
                + ":2:5  "), absolute.out());
    }
}
