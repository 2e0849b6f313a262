package dev.unsafehints.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The crate roots of one package as Cargo builds them: the targets its manifest declares
 * ({@code [lib]}, {@code [[bin]]}, {@code [[test]]}, {@code [[example]]}, {@code [[bench]]} with or
 * without a {@code path}, and {@code package.build}), plus the ones Cargo discovers in its usual
 * folders unless {@code autolib}, {@code autobins}, {@code autotests}, {@code autoexamples} or
 * {@code autobenches} turn discovery off. A crate folder without a manifest gets what Cargo would
 * discover in it. Kept per package and re-read when the manifest or a target
 * folder changes (a file added to {@code tests/} is a new root).
 */
public final class CargoTargets {
    /** What Cargo builds a root as; tests, examples and benches exist only outside the normal build. */
    public enum Kind {
        LIB, BIN, TEST, EXAMPLE, BENCH, BUILD_SCRIPT;

        public boolean testOnly() {
            return this == TEST || this == EXAMPLE || this == BENCH;
        }
    }

    /** One crate root: its file and kind. */
    public record Target(Path root, Kind kind) {
    }

    private static final CargoTargets NONE = new CargoTargets(List.of(), "");
    /** The folders whose changes can add or remove discovered roots (their mtime changes with their entries). */
    private static final List<String> WATCHED = List.of("Cargo.toml", "src", "src/bin", "tests", "examples", "benches");
    /** Keyed by package root and edition (Cargo's 2015 discovery rules differ). */
    /** Where Cargo discovers test, example and bench roots. */
    private static final List<String> TEST_ONLY_FOLDERS = List.of("tests", "examples", "benches");
    private static final Map<String, Stamped> BY_PACKAGE = new ConcurrentHashMap<>();

    private record Stamped(List<FileTime> stamp, CargoTargets targets) {
    }

    private final List<Target> targets;
    /** {@code [lib] name}; empty when the manifest leaves it to the package name. */
    private final String libName;

    private CargoTargets(List<Target> targets, String libName) {
        this.targets = targets;
        this.libName = libName;
    }

    /**
     * The crate name the library is built under when the manifest sets one ({@code [lib] name});
     * empty when it is the package's name; null when the package has no library.
     */
    public String libName() {
        return targets.stream().anyMatch(t -> t.kind() == Kind.LIB) ? libName : null;
    }

    /** The targets of the package whose manifest is in {@code crate}'s root; none outside a package. */
    public static CargoTargets of(CrateInfo crate) {
        if (crate == null || crate.root() == null) {
            return NONE;
        }
        Path root = crate.root().toAbsolutePath().normalize();
        boolean edition2015 = crate.edition() == dev.unsafehints.grammar.Edition.E2015;
        String key = root + (edition2015 ? " 2015" : "");
        List<FileTime> stamp = stamp(root);
        Stamped known = BY_PACKAGE.get(key);
        if (known != null && known.stamp().equals(stamp)) {
            return known.targets();
        }
        CargoTargets read = read(root, edition2015);
        BY_PACKAGE.put(key, new Stamped(stamp, read));
        return read;
    }

    public List<Target> all() {
        return targets;
    }

    /** The target whose root file is {@code file}, or null. */
    public Target rootAt(Path file) {
        for (Target t : targets) {
            if (t.root().equals(file)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The target whose module tree {@code file} can be in: the root itself, else the root whose
     * folder is the nearest one above the file (a crate root's {@code mod x;} is looked up beside
     * it, as in a {@code mod.rs}); null when no root's folder holds it. A build script owns nothing
     * but itself: its folder is the package's.
     */
    public Target owner(Path file) {
        Target found = rootAt(file);
        if (found != null) {
            return found;
        }
        int bestDepth = -1;
        for (Target t : targets) {
            Path folder = t.root().getParent();
            if (t.kind() != Kind.BUILD_SCRIPT && folder != null && file.startsWith(folder)
                    && folder.getNameCount() > bestDepth) {
                found = t;
                bestDepth = folder.getNameCount();
            }
        }
        return found;
    }

    /**
     * Whether {@code file} lies in a folder whose crate roots only test builds compile
     * ({@code tests/}, {@code examples/}, {@code benches/} of the package at {@code root}): where no
     * target owns a file, this is the build it would belong to.
     */
    public static boolean inTestOnlyFolder(Path root, Path file) {
        for (String folder : TEST_ONLY_FOLDERS) {
            if (file.startsWith(root.resolve(folder))) {
                return true;
            }
        }
        return false;
    }

    private static List<FileTime> stamp(Path root) {
        List<FileTime> stamp = new ArrayList<>(WATCHED.size());
        for (String name : WATCHED) {
            try {
                stamp.add(Files.getLastModifiedTime(root.resolve(name)));
            } catch (IOException | RuntimeException e) {
                stamp.add(null);
            }
        }
        return stamp;
    }

    private static CargoTargets read(Path root, boolean edition2015) {
        Path manifestFile = root.resolve("Cargo.toml");
        JsonNode manifest = Files.exists(manifestFile) ? CargoManifests.readToml(manifestFile)
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (manifest == null) {
            return NONE; // a manifest cargo could not read either: no target to trust
        }
        JsonNode pkg = manifest.path("package");
        String packageName = pkg.path("name").asText("");
        List<Target> found = new ArrayList<>();
        // the library first: where a binary shares its folder, the folder's modules are the library's
        JsonNode lib = manifest.path("lib");
        if (lib.isObject()) {
            add(found, root, lib.path("path").asText(""), Kind.LIB, List.of("src/lib.rs"));
        } else if (auto(pkg, "autolib", false)) {
            add(found, root, "", Kind.LIB, List.of("src/lib.rs"));
        }
        declared(found, root, manifest.path("bin"), Kind.BIN, packageName);
        declared(found, root, manifest.path("test"), Kind.TEST, packageName);
        declared(found, root, manifest.path("example"), Kind.EXAMPLE, packageName);
        declared(found, root, manifest.path("bench"), Kind.BENCH, packageName);
        // Cargo's 2015 edition turns a kind's discovery off once the manifest declares one of that kind
        if (auto(pkg, "autobins", edition2015 && manifest.path("bin").size() > 0)) {
            add(found, root, "", Kind.BIN, List.of("src/main.rs"));
            discover(found, root.resolve("src/bin"), Kind.BIN);
        }
        if (auto(pkg, "autotests", edition2015 && manifest.path("test").size() > 0)) {
            discover(found, root.resolve("tests"), Kind.TEST);
        }
        if (auto(pkg, "autoexamples", edition2015 && manifest.path("example").size() > 0)) {
            discover(found, root.resolve("examples"), Kind.EXAMPLE);
        }
        if (auto(pkg, "autobenches", edition2015 && manifest.path("bench").size() > 0)) {
            discover(found, root.resolve("benches"), Kind.BENCH);
        }
        JsonNode build = pkg.path("build");
        if (build.isTextual()) {
            add(found, root, build.asText(), Kind.BUILD_SCRIPT, List.of());
        } else if (!build.isBoolean() || build.asBoolean()) {
            add(found, root, "", Kind.BUILD_SCRIPT, List.of("build.rs"));
        }
        return new CargoTargets(List.copyOf(found), lib.path("name").asText(""));
    }

    /** A discovery switch: its value when the manifest sets it, else on unless {@code offByDefault}. */
    private static boolean auto(JsonNode pkg, String key, boolean offByDefault) {
        JsonNode value = pkg.path(key);
        return value.isBoolean() ? value.asBoolean() : !offByDefault;
    }

    /** The targets of one {@code [[kind]]} array: a {@code path}, else where Cargo looks for the name. */
    private static void declared(List<Target> into, Path root, JsonNode array, Kind kind, String packageName) {
        if (!array.isArray()) {
            return;
        }
        String folder = switch (kind) {
            case BIN -> "src/bin";
            case TEST -> "tests";
            case EXAMPLE -> "examples";
            default -> "benches";
        };
        for (JsonNode target : array) {
            String name = target.path("name").asText("");
            List<String> guesses = new ArrayList<>();
            if (!name.isEmpty()) {
                guesses.add(folder + "/" + name + ".rs");
                guesses.add(folder + "/" + name + "/main.rs");
                if (kind == Kind.BIN && name.equals(packageName)) {
                    guesses.add("src/main.rs");
                }
            }
            add(into, root, target.path("path").asText(""), kind, guesses);
        }
    }

    /** Adds the target at {@code path}, else at the first of {@code guesses} that exists; once per file. */
    private static void add(List<Target> into, Path root, String path, Kind kind, List<String> guesses) {
        Path file = null;
        if (!path.isEmpty()) {
            file = root.resolve(path).toAbsolutePath().normalize();
        } else {
            for (String guess : guesses) {
                Path candidate = root.resolve(guess);
                if (Files.isRegularFile(candidate)) {
                    file = candidate.toAbsolutePath().normalize();
                    break;
                }
            }
        }
        Path chosen = file;
        if (chosen != null && into.stream().noneMatch(t -> Objects.equals(t.root(), chosen))) {
            into.add(new Target(chosen, kind));
        }
    }

    /** Cargo's discovery in a target folder: each {@code x.rs} and each {@code x/main.rs}. */
    private static void discover(List<Target> into, Path folder, Kind kind) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                if (entry.toString().endsWith(".rs") && Files.isRegularFile(entry)) {
                    add(into, entry.getParent(), entry.getFileName().toString(), kind, List.of());
                } else if (Files.isRegularFile(entry.resolve("main.rs"))) {
                    add(into, entry, "main.rs", kind, List.of());
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder discovers nothing, as Cargo would fail to build it
        }
    }
}
