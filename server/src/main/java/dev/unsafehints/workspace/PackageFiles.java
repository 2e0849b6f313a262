package dev.unsafehints.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The source files of a package's library: those under the folder of its root file, and those that
 * {@code #[path]} attributes pull in from elsewhere (the standard library's {@code core} takes
 * {@code core::arch} from {@code ../../stdarch}), with the folder tree of such a {@code mod.rs}.
 * The package's other targets (binaries, tests, examples, benches, its build script) are no part of
 * the library ({@link CargoTargets}).
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
     * what a cache can check cheaply before it trusts an entry. Files of the package's other
     * targets are not the library's, nor are those of a package nested in its folder or of a
     * {@code target/} folder: where {@code [lib] path = "lib.rs"} puts the library's folder at the
     * package root, its tests, examples, benches and build output are all below it.
     */
    public static List<Path> underLibDir(CrateGraph.Package pkg) {
        if (pkg.libDir() == null || !Files.isDirectory(pkg.libDir())) {
            return List.of();
        }
        TreeSet<Path> files = new TreeSet<>();
        Path libDir = pkg.libDir().toAbsolutePath().normalize();
        walk(libDir, files);
        CrateInfo crate = new CargoManifests().crateOf(pkg.root().resolve("Cargo.toml"));
        CargoTargets targets = CargoTargets.of(crate);
        if (targets.all().isEmpty()) {
            files.removeIf(p -> libDir.relativize(p).startsWith("bin")); // Cargo's src/bin without a manifest to say so
            return List.copyOf(files);
        }
        Path packageRoot = crate.root().toAbsolutePath().normalize();
        Map<Path, Boolean> nested = new HashMap<>();
        files.removeIf(p -> {
            CargoTargets.Target owner = targets.owner(p);
            return owner != null && owner.kind() != CargoTargets.Kind.LIB
                    || p.startsWith(packageRoot.resolve("target"))
                    || inNestedPackage(p.getParent(), libDir, nested);
        });
        return List.copyOf(files);
    }

    /** Whether a folder from {@code folder} up to (not including) {@code top} holds a manifest of its own. */
    private static boolean inNestedPackage(Path folder, Path top, Map<Path, Boolean> known) {
        if (folder == null || folder.equals(top) || !folder.startsWith(top)) {
            return false;
        }
        Boolean answer = known.get(folder);
        if (answer == null) {
            answer = Files.isRegularFile(folder.resolve("Cargo.toml")) || inNestedPackage(folder.getParent(), top, known);
            known.put(folder, answer);
        }
        return answer;
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
