package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A git dependency of Cargo.lock found in cargo's checkouts, as cargo lays them out. */
class GitCheckoutsTest {
    private static final String SOURCE =
            "git+https://github.com/example/tools.git?branch=main#0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path cargoHome;

    @Test
    void theCheckoutOfThePinnedCommitHoldsThePackageSomewhereBelowIt() throws Exception {
        // two checkouts of the repository (another commit, then the pinned one), a workspace of two packages
        write("git/checkouts/tools-1a2b3c4d5e6f7a8b/fedcba9/crates/ffi/Cargo.toml", "[package]\nname = \"ffi\"\n");
        write("git/checkouts/tools-1a2b3c4d5e6f7a8b/0123456/Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
        write("git/checkouts/tools-1a2b3c4d5e6f7a8b/0123456/crates/core/Cargo.toml", "[package]\nname = \"core-x\"\n");
        write("git/checkouts/tools-1a2b3c4d5e6f7a8b/0123456/crates/ffi/Cargo.toml", "[package]\nname = \"ffi\"\n");
        write("git/checkouts/other-1a2b3c4d5e6f7a8b/0123456/Cargo.toml", "[package]\nname = \"ffi\"\n");
        assertEquals(cargoHome.resolve("git/checkouts/tools-1a2b3c4d5e6f7a8b/0123456/crates/ffi"),
                GitCheckouts.find(cargoHome, "ffi", SOURCE));
        assertNull(GitCheckouts.find(cargoHome, "missing", SOURCE), "no package of that name in the checkout");
        assertNull(GitCheckouts.find(cargoHome, "ffi", SOURCE.replace("#0123456", "#9999999")),
                "another commit is not checked out");
    }

    @Test
    void aMissingCheckoutFolderOrASourceWithoutCommitIsNotFound() {
        assertNull(GitCheckouts.find(cargoHome, "ffi", SOURCE));
        assertNull(GitCheckouts.find(cargoHome, "ffi", "git+https://github.com/example/tools.git?branch=main"));
        assertNull(GitCheckouts.find(null, "ffi", SOURCE));
    }

    @Test
    void theRepositoryNameIsTheLastSegmentOfTheUrl() {
        assertEquals("tools", GitCheckouts.repositoryName(SOURCE));
        assertEquals("repo", GitCheckouts.repositoryName("git+ssh://git@host/o/repo/?rev=1#abcdef0"));
        assertEquals("0123456789abcdef0123456789abcdef01234567", GitCheckouts.commitOf(SOURCE));
    }

    private void write(String relative, String text) throws Exception {
        Path p = cargoHome.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
