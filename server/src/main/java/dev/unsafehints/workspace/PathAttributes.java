package dev.unsafehints.workspace;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.RustParsing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Module files that a {@code #[path = ".."]} attribute places, also under {@code cfg_attr}:
 * {@code #[cfg_attr(unix, path = "sys/unix.rs")] mod sys;} makes {@code sys/unix.rs} the module
 * {@code sys}, the way FFI crates pick a platform's implementation. Found once per crate in its
 * {@code src/} files and kept for the life of the process: a cheap text test picks the files that
 * may hold one, and their parse tree, read by {@link FileDeclarations} as the module tree's reading
 * is, says what they declare.
 */
final class PathAttributes {
    private static final long MAX_FILE_BYTES = 4L << 20;

    /**
     * Where a placed file's module is declared: in {@code declaringFile}, as {@code names} below
     * that file's own module (the inline modules around the declaration, then its name).
     */
    record Placement(Path declaringFile, List<String> names) {
    }

    private static final Map<Path, Map<Path, Placement>> BY_CRATE = new ConcurrentHashMap<>();

    private PathAttributes() {
    }

    /** How {@code file} of {@code crate} is placed by a path attribute, or null. */
    static Placement of(CrateInfo crate, Path file) {
        return placements(crate.root(), crate.edition()).get(file);
    }

    /** The crate's placements, read on first use (with the edition of the first asker: it only matters for keywords). */
    private static Map<Path, Placement> placements(Path root, Edition edition) {
        return BY_CRATE.computeIfAbsent(root, r -> scan(r, edition));
    }

    private static Map<Path, Placement> scan(Path root, Edition edition) {
        Map<Path, Placement> placed = new HashMap<>();
        Path src = root.resolve("src");
        if (!Files.isDirectory(src)) {
            return placed;
        }
        try (Stream<Path> files = Files.walk(src)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".rs")).toList()) {
                read(file.toAbsolutePath().normalize(), edition, placed);
            }
        } catch (IOException | UncheckedIOException e) {
            // what could be read counts; the rest keeps the layout's module paths
        }
        return Map.copyOf(placed);
    }

    private static void read(Path file, Edition edition, Map<Path, Placement> placed) {
        String text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return;
            }
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (!mayPlace(text)) {
            return;
        }
        // the file's own module does not matter here: the declared modules are read relative to it
        FileDeclarations declarations = FileDeclarations.of(file, List.of(),
                RustParsing.parseDeclarations(text, edition), text);
        for (FileDeclarations.ChildModule child : declarations.childModules()) {
            Path target = child.placedFile(file, List.of());
            if (target != null) {
                placed.putIfAbsent(target, new Placement(file, child.modulePath()));
            }
        }
    }

    /**
     * A quick test for a file that may declare a module with a path attribute ({@code path} as a
     * word, then {@code =}); the parse decides. Every file of a crate goes through it, so it is a
     * plain search: a regular expression starting with a word boundary tested every character.
     */
    static boolean mayPlace(String text) {
        for (int at = text.indexOf("path"); at >= 0; at = text.indexOf("path", at + 4)) {
            if (at > 0 && isWordChar(text.charAt(at - 1))) {
                continue;
            }
            int after = at + 4;
            if (after < text.length() && isWordChar(text.charAt(after))) {
                continue;
            }
            while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            if (after < text.length() && text.charAt(after) == '=') {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Every file that a path attribute of the crate at {@code root} places. */
    static java.util.Set<Path> placedFiles(Path root) {
        return placements(root, Edition.E2021).keySet();
    }

    /** For tests: forgets what was read. */
    static void clear() {
        BY_CRATE.clear();
    }

    static List<String> append(List<String> parent, List<String> names) {
        java.util.ArrayList<String> path = new java.util.ArrayList<>(parent);
        path.addAll(names);
        return List.copyOf(path);
    }
}
