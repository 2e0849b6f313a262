package dev.unsafehints.cli;

import dev.unsafehints.report.RepoLinks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Where the Markdown report's locations link to: {@code --repo-url} (and {@code --repo-ref}), else
 * the scanned folder's git remote {@code origin} and checked-out commit. Read with JGit from the
 * repository's files; nothing is run and nothing is fetched.
 */
final class RepositoryLinks {
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[\\w.-]+@)?([\\w.-]+):(?!//)([\\w./~-]+?)(?:\\.git)?/?$");
    private static final Pattern SSH_URL = Pattern.compile("^ssh://(?:[\\w.-]+@)?([\\w.-]+)(?::\\d+)?/([\\w./~-]+?)(?:\\.git)?/?$");
    private static final Pattern HTTP_URL = Pattern.compile("^(https?://)(?:[^@/]+@)?([^/]+)/(.+?)(?:\\.git)?/?$");

    private RepositoryLinks() {
    }

    /** The links for a scan of {@code scanned}, or null when no repository address is known. */
    static RepoLinks resolve(Path scanned, String repoUrl, String repoRef, PrintStream err) {
        Path folder = scanned.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        String url = repoUrl;
        String ref = repoRef;
        String prefix = "";
        try (Repository repo = folder == null ? null : new FileRepositoryBuilder().readEnvironment()
                .findGitDir(folder.toFile()).setMustExist(false).build()) {
            if (repo != null && repo.getDirectory() != null && repo.getObjectDatabase().exists()) {
                if (url == null) {
                    url = webAddress(repo.getConfig().getString("remote", "origin", "url"));
                }
                if (ref == null) {
                    ObjectId head = repo.resolve("HEAD");
                    ref = head == null ? null : head.name();
                }
                if (!repo.isBare() && repo.getWorkTree() != null) {
                    Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
                    if (folder.startsWith(top)) {
                        prefix = top.relativize(folder).toString().replace('\\', '/');
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no repository here (or an unreadable one): links only from --repo-url
        }
        if (url == null || url.isBlank()) {
            return null;
        }
        String base = url.strip().replaceAll("/+$", "");
        return new RepoLinks(base + "/blob/" + (ref == null || ref.isBlank() ? "HEAD" : ref.strip()) + "/", prefix);
    }

    /** {@code git@github.com:o/r.git}, {@code ssh://git@host/o/r}, {@code https://host/o/r.git} → {@code https://host/o/r}. */
    static String webAddress(String remote) {
        if (remote == null) {
            return null;
        }
        String r = remote.strip();
        Matcher m = HTTP_URL.matcher(r);
        if (m.matches()) {
            return m.group(1) + m.group(2) + "/" + m.group(3);
        }
        m = SSH_URL.matcher(r);
        if (m.matches()) {
            return "https://" + m.group(1) + "/" + m.group(2);
        }
        m = SCP_LIKE.matcher(r);
        if (m.matches() && !r.startsWith("/") && !r.startsWith("file:")) {
            return "https://" + m.group(1) + "/" + m.group(2);
        }
        return null;
    }
}
