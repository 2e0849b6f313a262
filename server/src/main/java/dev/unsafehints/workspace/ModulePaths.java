package dev.unsafehints.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The module path of a file within its crate, from the crate roots Cargo builds ({@link CargoTargets}):
 * a root's path is empty, and the modules it declares sit in its folder ({@code src/a/b.rs} and
 * {@code src/a/b/mod.rs} are {@code a::b} of {@code src/lib.rs}; {@code tests/common/mod.rs} is
 * {@code common} of a test root in {@code tests/}). A file placed by a {@code #[path]} attribute (also under
 * {@code cfg_attr}) is the module that declares it so ({@link PathAttributes}). The one place that
 * knows this: the scan, the language server and the review all ask here.
 */
public final class ModulePaths {
    /** Guards against path attributes that place files in a cycle. */
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private ModulePaths() {
    }

    public static List<String> of(Path file, CrateInfo crate) {
        if (crate.root() == null || file == null) {
            return List.of();
        }
        Path abs = file.toAbsolutePath().normalize();
        PathAttributes.Placement placed = PathAttributes.of(crate, abs);
        if (placed != null && !placed.declaringFile().equals(abs) && DEPTH.get() < 16) {
            DEPTH.set(DEPTH.get() + 1);
            try {
                return PathAttributes.append(of(placed.declaringFile(), crate), placed.names());
            } finally {
                DEPTH.set(DEPTH.get() - 1);
            }
        }
        CargoTargets targets = CargoTargets.of(crate);
        if (targets.rootAt(abs) != null) {
            return List.of(); // `[[bin]] path = "cli/main.rs"`, `[lib] path = "lib.rs"`: a crate root wherever it is
        }
        Path src = crate.root().resolve("src");
        // `#[cfg_attr(linux_raw, path = "backend/linux_raw/mod.rs")] mod backend;` makes
        // src/backend/linux_raw/fs/mod.rs the module backend::fs, not backend::linux_raw::fs
        List<String> below = belowPlacedModFile(abs, crate, abs.startsWith(src) ? src : null);
        if (below != null) {
            return below;
        }
        CargoTargets.Target owner = targets.owner(abs);
        if (owner != null) {
            return modulePath(owner.root().getParent().relativize(abs));
        }
        // no target's folder holds it (nothing on disk yet, as for an unsaved buffer): by Cargo's
        // convention src/lib.rs and src/main.rs are roots and the rest of src/ their modules
        if (!abs.startsWith(src)) {
            return List.of();
        }
        Path rel = src.relativize(abs);
        boolean root = rel.getNameCount() == 1 && (rel.toString().equals("lib.rs") || rel.toString().equals("main.rs"));
        return root ? List.of() : modulePath(rel);
    }

    /**
     * Whether {@code file} belongs to a test, example or bench target of {@code crate} (its root or a
     * module in that root's folder), which only {@code cargo test}, {@code cargo bench} and
     * {@code --examples} builds compile; a file no target's folder holds counts by the folder
     * Cargo would discover it in ({@code tests/}, {@code benches/}, {@code examples/}).
     */
    public static boolean isTestTarget(Path file, CrateInfo crate) {
        if (crate.root() == null || file == null) {
            return false;
        }
        Path abs = file.toAbsolutePath().normalize();
        CargoTargets.Target owner = CargoTargets.of(crate).owner(abs);
        if (owner != null) {
            return owner.kind().testOnly();
        }
        return CargoTargets.inTestOnlyFolder(crate.root().toAbsolutePath().normalize(), abs);
    }

    /** The modules a relative file path names: {@code a/b.rs} is {@code a::b}, {@code a/mod.rs} is {@code a}. */
    private static List<String> modulePath(Path relative) {
        List<String> parts = new ArrayList<>();
        for (Path p : relative) {
            parts.add(p.toString());
        }
        String last = parts.remove(parts.size() - 1);
        String stem = last.endsWith(".rs") ? last.substring(0, last.length() - 3) : last;
        if (!stem.equals("mod")) {
            parts.add(stem);
        }
        return parts;
    }

    /**
     * A file in the folder tree of a {@code mod.rs} that a path attribute places (below
     * {@code stop}, when given), or null when there is none: outside {@code src/}: {@code core} pulls {@code stdarch/crates/core_arch/src/mod.rs} in as
     * {@code core_arch}, and that file's {@code mod x86;} is then {@code x86/mod.rs} next to it.
     */
    private static List<String> belowPlacedModFile(Path file, CrateInfo crate, Path stop) {
        List<String> parts = new ArrayList<>();
        String name = file.getFileName().toString();
        String stem = name.endsWith(".rs") ? name.substring(0, name.length() - 3) : name;
        if (!stem.equals("mod")) {
            parts.add(stem);
        }
        for (Path dir = file.getParent(); dir != null && !dir.equals(stop) && DEPTH.get() < 16; dir = dir.getParent()) {
            Path modFile = dir.resolve("mod.rs");
            if (!modFile.equals(file) && PathAttributes.of(crate, modFile) != null) {
                DEPTH.set(DEPTH.get() + 1);
                try {
                    List<String> path = new ArrayList<>(of(modFile, crate));
                    path.addAll(parts);
                    return path;
                } finally {
                    DEPTH.set(DEPTH.get() - 1);
                }
            }
            parts.add(0, dir.getFileName() == null ? "" : dir.getFileName().toString());
            if (parts.size() > 16) {
                break;
            }
        }
        return null; // no placed mod.rs above the file
    }
}
