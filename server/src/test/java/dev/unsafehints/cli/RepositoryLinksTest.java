package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unsafehints.report.RepoLinks;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown report's links: from the git remote and commit of the scanned folder, or as given. */
class RepositoryLinksTest {
    @Test
    void remoteAddressesBecomeWebAddresses() {
        assertEquals("https://github.com/o/r", RepositoryLinks.webAddress("git@github.com:o/r.git"));
        assertEquals("https://github.com/o/r", RepositoryLinks.webAddress("https://github.com/o/r.git"));
        assertEquals("https://gitlab.example/g/sub/r", RepositoryLinks.webAddress("ssh://git@gitlab.example:22/g/sub/r.git"));
        assertEquals("https://host/o/r", RepositoryLinks.webAddress("https://user:token@host/o/r"));
        assertNull(RepositoryLinks.webAddress("/srv/git/r.git"));
        assertNull(RepositoryLinks.webAddress(null));
    }

    @Test
    void readsTheOriginAndTheCheckedOutCommitOfTheScannedFolder(@TempDir Path dir) throws Exception {
        Path crate = Files.createDirectories(dir.resolve("crates/x/src"));
        Files.writeString(crate.resolve("lib.rs"), "fn f() {}\n");
        String commit;
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "git@github.com:o/r.git");
            config.save();
            git.add().addFilepattern(".").call();
            commit = git.commit().setMessage("one").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call().name();
        }
        PrintStream err = System.err;
        RepoLinks links = RepositoryLinks.resolve(dir.resolve("crates/x"), null, null, err);
        assertEquals("https://github.com/o/r/blob/" + commit + "/crates/x/src/lib.rs#L3", links.line("src/lib.rs", 3));
        RepoLinks given = RepositoryLinks.resolve(dir.resolve("crates/x"), "https://example.org/me/fork/", "main", err);
        assertEquals("https://example.org/me/fork/blob/main/crates/x/src/lib.rs#L1", given.line("src/lib.rs", 1));
        assertNull(RepositoryLinks.resolve(Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-none")), null,
                null, err));
    }
}
