package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What `scan` says when `cargo metadata` fails: cargo's error, not the reminder cargo prints after it. */
class CargoMetadataErrorTest {
    @Test
    void theErrorLineIsTakenNotTheOfflineReminder() {
        // cargo 1.8x's standard error for a crate whose dependency is not on the machine (copied from a run)
        String stderr = "error: no matching package named `serde` found\n"
                + "location searched: crates.io index\n"
                + "required by package `bytes v1.2.1 (/tmp/crates/bytes-1.2.1)`\n"
                + "As a reminder, you're using offline mode (--offline) which can sometimes cause surprising"
                + " resolution failures, if this error is too confusing you may wish to retry without `--offline`.\n";
        assertEquals("no matching package named `serde` found", CargoMetadata.cargoError(stderr));
        assertEquals("could not parse", CargoMetadata.cargoError("warning: x\ncould not parse\n"));
        assertEquals("(no message)", CargoMetadata.cargoError(""));
    }
}
