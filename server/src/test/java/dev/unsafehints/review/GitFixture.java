package dev.unsafehints.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real git repository in a temporary folder, driven through JGit: write files, commit, branch.
 * The tests make commits that add, move, change and remove unsafe code and the safe code around it.
 */
public final class GitFixture implements AutoCloseable {
    static final String CARGO_TOML = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    private static final PersonIdent AUTHOR = new PersonIdent("Test Author", "author@example.org");

    public final Path root;
    public final Git git;

    private GitFixture(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    /** A new repository on branch main with a Cargo.toml, not yet committed. */
    public static GitFixture init(Path dir) throws GitAPIException, IOException {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        GitFixture f = new GitFixture(dir.toRealPath(), git);
        f.write("Cargo.toml", CARGO_TOML);
        return f;
    }

    public GitFixture write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    public GitFixture delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    public String read(String path) throws IOException {
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }

    /** Replaces the first occurrence of {@code from} in a file; fails when it is not there. */
    public GitFixture replace(String path, String from, String to) throws IOException {
        String text = read(path);
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException(path + " does not contain: " + from);
        }
        return write(path, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    /** Stages everything (new, changed and deleted files) and commits. */
    public RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    }

    public void branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
    }

    public void checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
