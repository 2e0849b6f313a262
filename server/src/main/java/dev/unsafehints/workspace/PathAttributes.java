package dev.unsafehints.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Module files that a {@code #[path = ".."]} attribute places, also under {@code cfg_attr}:
 * {@code #[cfg_attr(unix, path = "sys/unix.rs")] mod sys;} makes {@code sys/unix.rs} the module
 * {@code sys}, the way FFI crates pick a platform's implementation. Read once per crate from the
 * text of its {@code src/} files (a cheap scan, no parse), and kept for the life of the process.
 */
final class PathAttributes {
    /**
     * Attributes (with a path among them) right before {@code mod name;}; an attribute may span
     * lines and hold one level of brackets ({@code #[allow(\n a,\n b\n)]}). Possessive, so that
     * the regex engine does not recurse once per character of a long attribute.
     */
    private static final Pattern MOD_WITH_PATH = Pattern.compile(
            "((?:#\\[(?:[^\\[\\]]++|\\[[^\\]]*+\\])*+\\]\\s*)+)(?:pub(?:\\([^)]*\\))?\\s+)?mod\\s+(?:r#)?([A-Za-z_][A-Za-z0-9_]*)\\s*;");
    private static final Pattern PATH_VALUE = Pattern.compile("\\bpath\\s*=\\s*\"([^\"]+)\"");
    private static final long MAX_FILE_BYTES = 4L << 20;

    /** Where a placed file's module is declared: in {@code declaringFile}, as {@code name}. */
    record Placement(Path declaringFile, String name) {
    }

    private static final Map<Path, Map<Path, Placement>> BY_CRATE = new ConcurrentHashMap<>();

    private PathAttributes() {
    }

    /** How {@code file} of the crate at {@code root} is placed by a path attribute, or null. */
    static Placement of(Path root, Path file) {
        return BY_CRATE.computeIfAbsent(root, PathAttributes::scan).get(file);
    }

    private static Map<Path, Placement> scan(Path root) {
        Map<Path, Placement> placed = new HashMap<>();
        Path src = root.resolve("src");
        if (!Files.isDirectory(src)) {
            return placed;
        }
        try (Stream<Path> files = Files.walk(src)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".rs")).toList()) {
                read(file, placed);
            }
        } catch (IOException | UncheckedIOException e) {
            // what could be read counts; the rest keeps the layout's module paths
        }
        return Map.copyOf(placed);
    }

    private static void read(Path file, Map<Path, Placement> placed) {
        String text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return;
            }
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (!text.contains("path")) {
            return;
        }
        Matcher m = MOD_WITH_PATH.matcher(text);
        while (m.find()) {
            Matcher value = PATH_VALUE.matcher(m.group(1));
            while (value.find()) {
                // relative to the folder of the file that declares the module (the Reference)
                Path target = file.getParent().resolve(value.group(1)).normalize();
                placed.putIfAbsent(target, new Placement(file, m.group(2)));
            }
        }
    }

    /** Every file that a path attribute of the crate at {@code root} places. */
    static java.util.Set<Path> placedFiles(Path root) {
        return BY_CRATE.computeIfAbsent(root, PathAttributes::scan).keySet();
    }

    /** For tests: forgets what was read. */
    static void clear() {
        BY_CRATE.clear();
    }

    static List<String> append(List<String> parent, String name) {
        java.util.ArrayList<String> path = new java.util.ArrayList<>(parent);
        path.add(name);
        return List.copyOf(path);
    }
}
