package dev.unsafehints.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger file: a readable TOML that survives a round trip, whatever the reviewer writes in a note. */
class ReviewLedgerTest {
    private static Approval approval(String file, String item, int ordinal, String fingerprint, String note) {
        return new Approval(file + ":x:unsafe-block#" + ordinal, file, item, "unsafe-block", ordinal, fingerprint,
                "Zoë \"Z\" Ng", "2025-01-31", "abc1234567", note);
    }

    @Test
    void roundTripKeepsEveryFieldAndSortsEntries(@TempDir Path dir) throws Exception {
        String tricky = "line one\nline \"two\" with \\ and \t tab; emoji 🦀, control \u0001";
        ReviewLedger ledger = ReviewLedger.empty()
                .with(approval("src/z.rs", "fn z", 1, "00000000000000ff", "plain"))
                .with(approval("src/a.rs", "fn a", 2, "1111111111111111", tricky));
        Path file = dir.resolve("unsafe-review.toml");
        ledger.write(file);
        ReviewLedger back = ReviewLedger.read(file);
        assertEquals(ledger.approvals(), back.approvals());
        assertEquals("src/a.rs", back.approvals().get(0).file());
        assertEquals(tricky, back.approvals().get(0).note());
        String toml = ledger.toToml();
        assertTrue(toml.startsWith("# Unsafe Hints review ledger"), toml);
        assertTrue(toml.contains("\nversion = 1\n"), toml);
    }

    @Test
    void aNewApprovalReplacesTheOldOneOfTheSamePlace() {
        ReviewLedger ledger = ReviewLedger.empty()
                .with(approval("src/a.rs", "fn a", 1, "1111111111111111", "first look"))
                .with(approval("src/a.rs", "fn a", 1, "2222222222222222", "after the fix"));
        assertEquals(1, ledger.approvals().size());
        assertEquals("after the fix", ledger.approvals().get(0).note());
        assertTrue(ledger.holdingFor("2222222222222222", "unsafe-block", 1).isPresent());
        assertTrue(ledger.staleFor("src/a.rs", "fn a", "unsafe-block", 1, "3333333333333333").isPresent());
        assertTrue(ledger.staleFor("src/a.rs", "fn a", "unsafe-block", 2, "3333333333333333").isEmpty());
    }

    @Test
    void aMissingFileIsAnEmptyLedger(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), ReviewLedger.read(dir.resolve("none.toml")).approvals());
    }

    @Test
    void malformedLedgersAreUsageErrors() {
        for (String text : List.of("version = ", "version = 2\n", "version = 1\napproval = 3\n",
                "version = 1\n[[approval]]\nfile = \"a\"\nitem = \"i\"\nkind = \"k\"\nordinal = 0\n")) {
            ReviewException e = assertThrows(ReviewException.class, () -> ReviewLedger.parse(text, "t.toml"), text);
            assertEquals(ReviewException.Kind.USAGE, e.kind());
        }
    }
}
