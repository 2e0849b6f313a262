package dev.unsafehints.cli;

import dev.unsafehints.report.SkippedFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@code .rs} files to scan under the given paths, in a stable (sorted) order.
 *
 * <p>Skips {@code .git/} always, {@code target/} unless asked, and what {@code .gitignore} files
 * ignore (those of the scanned folders and of their ancestors up to the repository root) unless
 * asked. Follows symbolic links that stay inside the scanned folders, remembering the real path of
 * every folder entered, so a link loop (or a second link to the same folder) is entered once; a
 * link that leads outside them is listed as skipped unless asked ({@code --follow-links}), as
 * ripgrep and git do, so that a link named {@code x.rs} in an untrusted pull request cannot pull
 * a file of the CI machine into a report. A path given explicitly is scanned even when ignored,
 * and followed when it is a link.
 */
final class SourceWalker {
    /** A file that was found but cannot be analyzed at all. */
    record Problem(Path path, SkippedFile.Reason reason, String detail) {
    }

    /** What the walk found. */
    record Result(List<Path> files, List<Problem> problems) {
    }

    private final boolean useGitignore;
    private final boolean includeTarget;
    private final List<Path> files = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<Path> seenFolders = new HashSet<>();
    private final Set<Path> seenFiles = new HashSet<>();

    private final boolean followLinks;
    /** The real paths of the scanned folders: a link whose target is below one of them stays inside. */
    private final List<Path> realRoots = new ArrayList<>();

    SourceWalker(boolean useGitignore, boolean includeTarget) {
        this(useGitignore, includeTarget, false);
    }

    SourceWalker(boolean useGitignore, boolean includeTarget, boolean followLinks) {
        this.useGitignore = useGitignore;
        this.includeTarget = includeTarget;
        this.followLinks = followLinks;
    }

    Result walk(List<Path> roots) {
        for (Path root : roots) {
            try {
                Path real = root.toAbsolutePath().normalize().toRealPath();
                realRoots.add(Files.isDirectory(real) ? real : real.getParent());
            } catch (IOException e) {
                // reported when the walk reaches it
            }
        }
        for (Path root : roots) {
            Path start = root.toAbsolutePath().normalize();
            if (Files.isDirectory(start)) {
                visitFolder(start, useGitignore ? ancestorRules(start) : IgnoreRules.NONE);
            } else if (!start.getFileName().toString().endsWith(".rs") && Files.isRegularFile(start)) {
                problems.add(new Problem(start, SkippedFile.Reason.NOT_RUST, "not a Rust file (no .rs extension)"));
            } else {
                addFile(start);
            }
        }
        return new Result(List.copyOf(files), List.copyOf(problems));
    }

    /** The .gitignore files above a scanned folder, from the repository root (or the folder itself) down. */
    private static IgnoreRules ancestorRules(Path folder) {
        List<Path> chain = new ArrayList<>();
        for (Path p = folder.getParent(); p != null; p = p.getParent()) {
            chain.add(0, p);
            if (Files.exists(p.resolve(".git"))) {
                break;
            }
            if (p.getParent() == null) {
                chain.clear(); // not inside a repository: only the scanned tree's own files count
            }
        }
        IgnoreRules rules = IgnoreRules.NONE;
        for (Path p : chain) {
            rules = rules.enter(p);
        }
        return rules;
    }

    private void visitFolder(Path folder, IgnoreRules inherited) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            problems.add(new Problem(folder, SkippedFile.Reason.UNREADABLE, "cannot open folder: " + reason(e)));
            return;
        }
        if (!seenFolders.add(real)) {
            return; // a symbolic link loop, or a second way into a folder already scanned
        }
        IgnoreRules rules = useGitignore ? inherited.enter(folder) : inherited;
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new Problem(folder, SkippedFile.Reason.UNREADABLE, "cannot list folder: " + e.getMessage()));
            return;
        }
        entries.sort(null);
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!followLinks && Files.isSymbolicLink(entry) && leadsOutside(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                if (name.equals(".git") || (name.equals("target") && !includeTarget)
                        || rules.isIgnored(entry, true)) {
                    continue;
                }
                visitFolder(entry, rules);
            } else if (name.endsWith(".rs") && !rules.isIgnored(entry, false)) {
                addFile(entry);
            }
        }
    }

    /**
     * Whether a link found in a scanned folder resolves outside every scanned folder; if so it is
     * listed as skipped (when it names a folder or a `.rs` file). A broken link is left to
     * {@link #addFile}, which says so.
     */
    private boolean leadsOutside(Path link) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            return false;
        }
        for (Path root : realRoots) {
            if (root != null && real.startsWith(root)) {
                return false;
            }
        }
        if (Files.isDirectory(real) || link.getFileName().toString().endsWith(".rs")) {
            problems.add(new Problem(link, SkippedFile.Reason.LINK_OUTSIDE, "symbolic link to " + real
                    + ", outside the scanned folders: not followed (--follow-links follows it)"));
        }
        return true;
    }

    private void addFile(Path file) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            problems.add(new Problem(file, SkippedFile.Reason.UNREADABLE, "broken symbolic link"));
            return;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            problems.add(new Problem(file, SkippedFile.Reason.UNREADABLE, "no such file"));
            return;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(file, SkippedFile.Reason.UNREADABLE, "not a regular file"));
            return;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            problems.add(new Problem(file, SkippedFile.Reason.UNREADABLE, "cannot resolve: " + reason(e)));
            return;
        }
        if (seenFiles.add(real)) {
            files.add(file);
        }
    }

    static String reason(IOException e) {
        String simple = e.getClass().getSimpleName();
        return switch (simple) {
            case "NoSuchFileException" -> "no such file";
            case "AccessDeniedException" -> "permission denied";
            case "FileSystemLoopException" -> "symbolic link loop";
            default -> e.getMessage() == null ? simple : e.getMessage();
        };
    }
}
