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
        return relative(path);
    }

    /**
     * A scanned file as the text report shows it: relative to the current folder when it is
     * inside it, or when every path given to the scan was relative (`scan ../other` shows
     * `../other/src/lib.rs`, as given); else absolute, as given (`scan /src/x` shows `/src/x/..`).
     */
    static java.util.function.Function<Path, String> forScan(java.util.List<Path> roots) {
        boolean relativeRoots = roots.stream().noneMatch(Path::isAbsolute);
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return file -> {
            Path abs = file.toAbsolutePath().normalize();
            return abs.startsWith(cwd) || relativeRoots ? relative(abs)
                    : abs.toString().replace(java.io.File.separatorChar, '/');
        };
    }

    private static String relative(Path path) {
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
