package dev.unsafehints.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The source files of a package's library: those under the folder of its root file, and those that
 * {@code #[path]} attributes pull in from elsewhere (the standard library's {@code core} takes
 * {@code core::arch} from {@code ../../stdarch}), with the folder tree of such a {@code mod.rs}.
 * Binaries under {@code src/bin} are no part of the library.
 */
public final class PackageFiles {
    private static final int MAX_DEPTH = 32;

    private PackageFiles() {
    }

    /** The library's {@code .rs} files in path order; empty when it has none or they cannot be read. */
    public static List<Path> of(CrateGraph.Package pkg) {
        List<Path> inside = underLibDir(pkg);
        if (inside.isEmpty()) {
            return inside;
        }
        TreeSet<Path> files = new TreeSet<>(inside);
        Path libDir = pkg.libDir().toAbsolutePath().normalize();
        for (Path placed : PathAttributes.placedFiles(pkg.root().toAbsolutePath().normalize())) {
            if (placed.startsWith(libDir) || !Files.isRegularFile(placed)) {
                continue;
            }
            if (placed.getFileName().toString().equals("mod.rs")) {
                walk(placed.getParent(), files);
            } else {
                files.add(placed);
            }
        }
        return List.copyOf(files);
    }

    /**
     * The {@code .rs} files under the folder of the library's root file only (no file is read):
     * what a cache can check cheaply before it trusts an entry.
     */
    public static List<Path> underLibDir(CrateGraph.Package pkg) {
        if (pkg.libDir() == null || !Files.isDirectory(pkg.libDir())) {
            return List.of();
        }
        TreeSet<Path> files = new TreeSet<>();
        Path libDir = pkg.libDir().toAbsolutePath().normalize();
        walk(libDir, files);
        files.removeIf(p -> libDir.relativize(p).startsWith("bin"));
        return List.copyOf(files);
    }

    private static void walk(Path folder, TreeSet<Path> into) {
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p))
                    .forEach(p -> into.add(p.toAbsolutePath().normalize()));
        } catch (IOException | UncheckedIOException e) {
            // what could be listed counts: calls into the rest stay unresolved
        }
    }
}
