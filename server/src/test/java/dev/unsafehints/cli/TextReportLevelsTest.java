package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text report (real rules): --min-level, the inventory in one paragraph, and where to read more (issue 19, item 18). */
class TextReportLevelsTest {
    private static Path crate(Path root) throws Exception {
        Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"t\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/lib.rs"), String.join("\n",
                "pub fn documented(x: &u8) -> u8 {",
                "    let p = x as *const u8;",
                "    // SAFETY: `p` comes from a live reference: non-null, aligned, valid for reads.",
                "    unsafe { *p }",
                "}",
                "",
                "fn undocumented(p: *const u8) -> u8 {",
                "    unsafe { *p }",
                "}",
                "",
                "pub fn main_like() -> u8 { let v = 1; undocumented(&v) + documented(&v) }",
                ""));
        return root;
    }

    @Test
    void minLevelWarningListsOnlyWarningsAndErrorsAndCountsTheRest(@TempDir Path root) throws Exception {
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", "--min-level", "warning",
                crate(root).toString());
        String out = run.out();
        assertTrue(out.contains("src/lib.rs:8:5  missing-safety-comment"), out);
        assertFalse(out.contains("  unsafe-block  "), "notes are not listed: " + out);
        assertFalse(out.contains("  raw-pointer-deref  "), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\d+ findings? below warning not listed \\(--min-level\\)")), out);
        assertTrue(out.contains("Inventory: 2 unsafe blocks; SAFETY comments on 1 of 2 unsafe blocks and impls. 2 unsafe operations"
                + " (2 dereferences); safe code making raw pointers: 1 cast.\n"), out);
        assertTrue(out.contains("What a rule means and what to do about it: unsafe-hints explain missing-safety-comment"),
                out);
    }

    @Test
    void everyFindingIsListedByDefaultAndABadLevelIsAUsageError(@TempDir Path root) throws Exception {
        ScanFixture.Run all = ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", crate(root).toString());
        assertTrue(all.out().contains("  unsafe-block  "), all.out());
        assertFalse(all.out().contains("not listed (--min-level)"), all.out());
        ScanFixture.Run bad = ScanFixture.scanWithRealRules("--no-cargo", "--min-level", "loud", root.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown --min-level 'loud' (expected hint, note, warning or error)"), bad.err());
    }

    /** The `# Safety` coverage counts unsafe traits with the fns: its label says so (it said "0 of 1 unsafe fns" for a trait). */
    @Test
    void theSafetySectionCoverageNamesTraitsWhenItCountsThem(@TempDir Path root) throws Exception {
        crate(root);
        Files.writeString(root.resolve("src/lib.rs"), "/// A marker.\npub unsafe trait Marker {}\n");
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--color", "never", root.toString());
        assertTrue(run.out().contains("Inventory: 1 unsafe trait; `# Safety` sections on 0 of 1 unsafe fns and traits."),
                run.out());
    }
}
