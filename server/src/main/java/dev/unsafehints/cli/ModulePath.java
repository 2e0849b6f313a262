package dev.unsafehints.cli;

import dev.unsafehints.workspace.CrateInfo;
import java.nio.file.Path;

/**
 * A file's module path inside its crate, from the conventional layout: {@code src/lib.rs} is the
 * crate root, {@code src/a/b.rs} and {@code src/a/b/mod.rs} are {@code a::b}. Targets outside
 * {@code src/} keep their folder ({@code tests::smoke}); files in {@code tests/} exist only in test
 * builds.
 */
record ModulePath(String path, boolean testOnly) {
    static ModulePath of(CrateInfo crate, Path file, Path base) {
        Path root = crate.root() != null ? crate.root() : base;
        Path abs = file.toAbsolutePath().normalize();
        String rel = abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.getFileName().toString();
        boolean testOnly = crate.root() != null && rel.startsWith("tests/");
        if (rel.startsWith("src/")) {
            rel = rel.substring(4);
        }
        if (rel.endsWith(".rs")) {
            rel = rel.substring(0, rel.length() - 3);
        }
        if (rel.equals("lib") || rel.equals("main")) {
            rel = "";
        }
        if (rel.endsWith("/mod")) {
            rel = rel.substring(0, rel.length() - 4);
        } else if (rel.equals("mod")) {
            rel = "";
        }
        return new ModulePath(rel.replace("/", "::").replace('-', '_').replace('.', '_'), testOnly);
    }

    /**
     * The module path of {@code file}, a file of {@code crate}'s {@code src/} (not {@code src/bin/}),
     * as the module tree makes it: a file placed by {@code #[path = "sys/unix.rs"] mod imp;} is
     * {@code imp}, not {@code sys::unix}; other files keep {@link #path()}.
     */
    String pathIn(CrateInfo crate, Path file) {
        if (crate.root() == null) {
            return path;
        }
        Path src = crate.root().resolve("src");
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(src) || abs.startsWith(src.resolve("bin"))) {
            return path;
        }
        return String.join("::", dev.unsafehints.workspace.ModulePaths.of(abs, crate));
    }
}
