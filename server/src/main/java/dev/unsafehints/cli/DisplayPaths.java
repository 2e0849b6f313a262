package dev.unsafehints.cli;

import java.nio.file.Path;

/** Paths as the command line prints them: relative to the current folder, like rustc and cargo. */
final class DisplayPaths {
    private DisplayPaths() {
    }

    /**
     * {@code path} relative to the current folder ({@code src/lib.rs}, {@code ../other/x.rs}), with
     * {@code /} separators; absolute when it has no relative form (another drive).
     */
    static String of(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        String shown;
        try {
            shown = abs.equals(cwd) ? "." : cwd.relativize(abs).toString();
        } catch (IllegalArgumentException e) {
            shown = abs.toString();
        }
        return shown.replace(java.io.File.separatorChar, '/');
    }
}
