package dev.unsafehints.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the standard library's sources are, found the way rust-analyzer finds them:
 * {@code RUST_SRC_PATH}, else {@code $(rustc --print sysroot)/lib/rustlib/src/rust/library} (the
 * {@code rust-src} component). With them, the unsafe functions of {@code core}, {@code alloc} and
 * {@code std} (and {@code core::arch}) are known from their declarations; without them the
 * analysis falls back to its built-in list of the best-known ones.
 *
 * @param library the {@code library} folder holding {@code core/}, {@code alloc/} and {@code std/},
 *                or null when none was found
 * @param origin  how it was found, or why none was, for the report
 */
public record StdSources(Path library, String origin) {
    /** The crates of the library folder that code names, in dependency order. */
    public static final List<String> CRATES = List.of("core", "alloc", "std");

    public static final StdSources NONE = new StdSources(null, "not looked for");

    public boolean found() {
        return library != null;
    }

    /** Looks in {@code RUST_SRC_PATH} of {@code env}, then in rustc's sysroot. */
    public static StdSources locate(Map<String, String> env) {
        String fromEnv = env.get("RUST_SRC_PATH");
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path library = libraryFolder(Path.of(fromEnv));
            return library != null ? new StdSources(library, "RUST_SRC_PATH")
                    : new StdSources(null, "RUST_SRC_PATH=" + fromEnv + " holds no core/src/lib.rs");
        }
        Optional<Path> sysroot = sysroot();
        if (sysroot.isEmpty()) {
            return new StdSources(null, "no RUST_SRC_PATH and no rustc to ask for its sysroot");
        }
        Path library = libraryFolder(sysroot.get().resolve("lib/rustlib/src/rust/library"));
        return library != null ? new StdSources(library, "rustc's sysroot (rust-src)")
                : new StdSources(null, "no RUST_SRC_PATH and no rust-src component in " + sysroot.get());
    }

    /** The package of one of the {@link #CRATES}, as the crate graph lists packages. */
    public CrateGraph.Package packageOf(String crate) {
        Path root = library.resolve(crate);
        return new CrateGraph.Package(crate, "", "std", root, root.resolve("src"), false);
    }

    /**
     * What each library crate calls the others: {@code std} uses {@code core} and {@code alloc}
     * (its own {@code extern crate alloc as alloc_crate} is an import the index reads).
     */
    public Map<Path, Map<String, Path>> internalDependencies() {
        Path core = library.resolve("core");
        Path alloc = library.resolve("alloc");
        return Map.of(core, Map.of(),
                alloc, Map.of("core", core),
                library.resolve("std"), Map.of("core", core, "alloc", alloc));
    }

    /** The names every crate can use for the library crates ({@code alloc} only after {@code extern crate alloc}, but naming it is harmless). */
    public Map<String, Path> namesForCrates() {
        return Map.of("core", library.resolve("core"), "alloc", library.resolve("alloc"), "std", library.resolve("std"));
    }

    /** {@code path} itself or its {@code library} child, when it holds {@code core/src/lib.rs}. */
    private static Path libraryFolder(Path path) {
        for (Path candidate : List.of(path, path.resolve("library"))) {
            if (Files.isRegularFile(candidate.resolve("core/src/lib.rs"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** {@code rustc --print sysroot} (see {@link Rustc}). */
    private static Optional<Path> sysroot() {
        return Rustc.output("--print", "sysroot").map(String::strip).filter(p -> !p.isEmpty()).map(Path::of);
    }
}
