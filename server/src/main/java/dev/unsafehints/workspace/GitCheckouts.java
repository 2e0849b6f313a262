package dev.unsafehints.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where cargo keeps a git dependency's sources: {@code $CARGO_HOME/git/checkouts/NAME-HASH/SHORTID/},
 * NAME the repository's last path segment, HASH cargo's hash of the URL (not recomputed here:
 * every folder of that name is tried) and SHORTID the start of the commit that {@code Cargo.lock}
 * pins ({@code git+https://host/owner/repo?branch=main#<commit>}). A repository that holds several
 * packages (a workspace) has the package's {@code Cargo.toml} somewhere below the checkout. Reads
 * folders only; nothing is fetched.
 */
public final class GitCheckouts {
    private static final int MAX_DEPTH = 4;

    private GitCheckouts() {
    }

    /** The commit a lock file's git source pins, or null when it names none. */
    static String commitOf(String source) {
        int hash = source.lastIndexOf('#');
        if (hash < 0 || hash == source.length() - 1) {
            return null;
        }
        String commit = source.substring(hash + 1).toLowerCase(Locale.ROOT);
        return commit.matches("[0-9a-f]{7,40}") ? commit : null;
    }

    /** The repository's name in a git source ({@code git+https://github.com/o/repo.git?rev=1#..} → {@code repo}). */
    static String repositoryName(String source) {
        String url = source.startsWith("git+") ? source.substring(4) : source;
        int cut = url.length();
        for (char c : new char[] {'?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        url = url.substring(0, cut);
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String name = url.substring(url.lastIndexOf('/') + 1);
        return name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
    }

    /**
     * The folder of package {@code name} in the checkout of the commit that {@code source} pins,
     * under {@code cargoHome}; null when cargo has not checked it out on this machine.
     */
    public static Path find(Path cargoHome, String name, String source) {
        String commit = commitOf(source);
        if (cargoHome == null || commit == null) {
            return null;
        }
        Path checkouts = cargoHome.resolve("git/checkouts");
        String repo = repositoryName(source);
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> repos = Files.list(checkouts)) {
            repos.filter(p -> p.getFileName().toString().startsWith(repo + "-") && Files.isDirectory(p))
                    .sorted().forEach(candidates::add);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (Path repoDir : candidates) {
            List<Path> revisions = new ArrayList<>();
            try (Stream<Path> revs = Files.list(repoDir)) {
                revs.filter(p -> {
                    String short_ = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return short_.length() >= 7 && commit.startsWith(short_) && Files.isDirectory(p);
                }).sorted().forEach(revisions::add);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (Path checkout : revisions) {
                Path pkg = packageIn(checkout, name);
                if (pkg != null) {
                    return pkg;
                }
            }
        }
        return null;
    }

    /** The folder below {@code checkout} whose Cargo.toml declares package {@code name}. */
    private static Path packageIn(Path checkout, String name) {
        try (Stream<Path> walk = Files.walk(checkout, MAX_DEPTH)) {
            for (Path manifest : walk.filter(p -> p.getFileName().toString().equals("Cargo.toml")).sorted().toList()) {
                if (manifest.toString().contains("/target/") || manifest.toString().contains("/.git/")) {
                    continue;
                }
                var toml = CargoManifests.readToml(manifest);
                if (toml != null && name.equals(toml.path("package").path("name").asText())) {
                    return manifest.getParent();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
