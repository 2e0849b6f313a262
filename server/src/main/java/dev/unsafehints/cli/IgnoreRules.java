package dev.unsafehints.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .gitignore} files that apply in one folder: its own and its ancestors', deepest first.
 * As in git, the deepest file with a matching pattern decides, and within a file the last matching
 * pattern wins (so {@code !keep.rs} after {@code *.rs} keeps it).
 */
final class IgnoreRules {
    static final IgnoreRules NONE = new IgnoreRules(null, null, List.of());

    private final IgnoreRules parent;
    private final Path folder;
    private final List<IgnorePattern> patterns;

    private IgnoreRules(IgnoreRules parent, Path folder, List<IgnorePattern> patterns) {
        this.parent = parent;
        this.folder = folder;
        this.patterns = patterns;
    }

    /** These rules plus the {@code .gitignore} of {@code dir}, if it has one. */
    IgnoreRules enter(Path dir) {
        Path file = dir.resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            return this;
        }
        List<IgnorePattern> own = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
                IgnorePattern p = IgnorePattern.parse(line);
                if (p != null) {
                    own.add(p);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return this; // an unreadable .gitignore ignores nothing
        }
        return own.isEmpty() ? this : new IgnoreRules(this, dir, own);
    }

    static IgnoreRules fromPatterns(Path dir, List<String> lines) {
        List<IgnorePattern> own = new ArrayList<>();
        for (String line : lines) {
            IgnorePattern p = IgnorePattern.parse(line);
            if (p != null) {
                own.add(p);
            }
        }
        return new IgnoreRules(NONE, dir, own);
    }

    boolean isIgnored(Path path, boolean isDirectory) {
        for (IgnoreRules r = this; r != null && r.folder != null; r = r.parent) {
            if (!path.startsWith(r.folder)) {
                continue;
            }
            String relative = r.folder.relativize(path).toString().replace('\\', '/');
            if (relative.isEmpty()) {
                continue;
            }
            for (int i = r.patterns.size() - 1; i >= 0; i--) {
                IgnorePattern p = r.patterns.get(i);
                if (p.matches(relative, isDirectory)) {
                    return !p.negated();
                }
            }
        }
        return false;
    }
}
