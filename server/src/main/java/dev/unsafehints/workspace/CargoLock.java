package dev.unsafehints.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The crate graph without running cargo: the direct dependencies of the package around a folder,
 * from its {@code Cargo.toml} (the names its code uses, renames included) and the nearest
 * {@code Cargo.lock} (the versions), found on disk where cargo keeps sources: directory sources
 * named in {@code .cargo/config.toml} (vendored or replaced registries), {@code vendor/},
 * {@code $CARGO_HOME/registry/src/*}, and path dependencies. Reads files only, so it is safe on
 * code nobody vouched for. Dependencies whose sources are not found are named in the problems.
 */
public final class CargoLock {
    private CargoLock() {
    }

    /** The graph of the package holding {@code folder}, or an empty one with the reason. */
    public static CrateGraph discover(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        Path packageRoot = nearest(dir, "Cargo.toml");
        Path lockRoot = nearest(dir, "Cargo.lock");
        if (packageRoot == null) {
            return CrateGraph.EMPTY;
        }
        if (lockRoot == null) {
            return CrateGraph.failed("no Cargo.lock above " + dir + ": dependencies not resolved without cargo");
        }
        JsonNode manifest = CargoManifests.readToml(packageRoot.resolve("Cargo.toml"));
        JsonNode lock = CargoManifests.readToml(lockRoot.resolve("Cargo.lock"));
        if (manifest == null || lock == null || !manifest.has("package")) {
            return CrateGraph.failed("cannot read " + packageRoot.resolve("Cargo.toml") + " or its Cargo.lock");
        }
        String name = manifest.path("package").path("name").asText();
        Map<String, List<JsonNode>> locked = new HashMap<>();
        lock.path("package").forEach(p -> locked.computeIfAbsent(p.path("name").asText(), k -> new ArrayList<>()).add(p));
        JsonNode self = locked.getOrDefault(name, List.of()).stream()
                .filter(p -> !p.has("source")).findFirst().orElse(null);
        List<Path> sourceDirs = directorySources(dir, lockRoot);
        List<CrateGraph.Package> packages = new ArrayList<>();
        packages.add(new CrateGraph.Package(name, manifest.path("package").path("version").asText(""), "workspace",
                packageRoot, packageRoot.resolve("src"), true));
        Map<String, Path> names = new HashMap<>();
        Map<String, Path> devNames = new HashMap<>();
        List<String> problems = new ArrayList<>();
        java.util.function.Supplier<CfgEnvironment> host = lazyHost();
        // normal dependencies, and the dev-dependencies that are not also normal ones (for the tests,
        // benches, examples and cfg(test) code); not build dependencies
        Map<String, JsonNode> normal = dependencyTable(manifest, host, "dependencies");
        Map<String, JsonNode> direct = new java.util.LinkedHashMap<>(normal);
        dependencyTable(manifest, host, "dev-dependencies").forEach(direct::putIfAbsent);
        for (Map.Entry<String, JsonNode> dep : direct.entrySet()) {
            boolean dev = !normal.containsKey(dep.getKey());
            JsonNode spec = dep.getValue();
            String packageName = spec.path("package").asText(dep.getKey());
            Path root = null;
            String version = "";
            String source = "path";
            String lockedSource = "";
            if (spec.has("path")) {
                root = packageRoot.resolve(spec.path("path").asText()).normalize();
                JsonNode pathManifest = CargoManifests.readToml(root.resolve("Cargo.toml"));
                version = pathManifest == null ? "" : pathManifest.path("package").path("version").asText("");
            } else {
                JsonNode entry = lockedEntry(locked.getOrDefault(packageName, List.of()), self, packageName);
                if (entry != null) {
                    version = entry.path("version").asText();
                    lockedSource = entry.path("source").asText("");
                    source = lockedSource.startsWith("git+") ? "git" : "registry";
                    root = locate(packageName, version, lockedSource, sourceDirs);
                }
            }
            if (root == null || !Files.isDirectory(root)) {
                problems.add(packageName + (version.isEmpty() ? "" : " " + version) + (dev ? " (dev-dependency)" : "")
                        + (lockedSource.startsWith("git+")
                        ? ": git checkout of " + lockedSource.substring(4) + " not found under "
                          + cargoHome() + "/git/checkouts (run `cargo fetch` once); calls into it are not resolved"
                        : ": sources not found on this machine; calls into it are not resolved"));
                continue;
            }
            CrateGraph.Package found = new CrateGraph.Package(packageName, version, source, root, root.resolve("src"), false);
            if (!packages.contains(found)) {
                packages.add(found);
            }
            (dev ? devNames : names).put(dep.getKey().replace('-', '_'), root);
        }
        Map<Path, Map<String, Path>> dependencies = new HashMap<>();
        dependencies.put(packageRoot, Map.copyOf(names));
        transitive(packages, dependencies, locked, sourceDirs, problems, host);
        return new CrateGraph(List.copyOf(packages), Map.copyOf(dependencies), List.copyOf(problems), Map.of(),
                devNames.isEmpty() ? Map.of() : Map.of(packageRoot, Map.copyOf(devNames)));
    }

    /**
     * The dependencies of the dependencies, down the graph: each package's normal dependencies (its
     * manifest's `[dependencies]` and target tables; not build or dev ones), those its lock entry
     * lists (what the resolution enabled), found on disk as the direct ones are. Each package is
     * visited once, so a cycle ends.
     */
    private static void transitive(List<CrateGraph.Package> packages, Map<Path, Map<String, Path>> dependencies,
                                   Map<String, List<JsonNode>> locked, List<Path> sourceDirs, List<String> problems,
                                   java.util.function.Supplier<CfgEnvironment> host) {
        java.util.ArrayDeque<CrateGraph.Package> queue = new java.util.ArrayDeque<>();
        packages.stream().filter(p -> !p.member()).forEach(queue::add);
        java.util.Set<Path> known = new java.util.HashSet<>();
        packages.forEach(p -> known.add(p.root()));
        java.util.Set<String> missing = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            CrateGraph.Package pkg = queue.poll();
            if (dependencies.containsKey(pkg.root())) {
                continue;
            }
            JsonNode manifest = CargoManifests.readToml(pkg.root().resolve("Cargo.toml"));
            JsonNode entry = locked.getOrDefault(pkg.name(), List.of()).stream()
                    .filter(e -> e.path("version").asText().equals(pkg.version())).findFirst().orElse(null);
            Map<String, Path> names = new HashMap<>();
            dependencies.put(pkg.root(), names);
            if (manifest == null || entry == null) {
                continue;
            }
            Map<String, String> listed = new HashMap<>(); // name -> version ("" when the lock names it alone)
            for (JsonNode d : entry.path("dependencies")) {
                String[] parts = d.asText().split(" ");
                listed.putIfAbsent(parts[0], parts.length > 1 ? parts[1] : "");
            }
            for (Map.Entry<String, JsonNode> dep : dependencyTable(manifest, host, "dependencies").entrySet()) {
                JsonNode spec = dep.getValue();
                String name = spec.isObject() ? spec.path("package").asText(dep.getKey()) : dep.getKey();
                if (!listed.containsKey(name)) {
                    continue; // an optional dependency no feature turned on, or one of another package's
                }
                String version = listed.get(name);
                List<JsonNode> candidates = locked.getOrDefault(name, List.of());
                JsonNode lockedDep = candidates.stream().filter(c -> version.isEmpty()
                        || c.path("version").asText().equals(version)).findFirst().orElse(null);
                if (lockedDep == null) {
                    continue;
                }
                String resolvedVersion = lockedDep.path("version").asText();
                String lockedSource = lockedDep.path("source").asText("");
                Path root = spec.isObject() && spec.has("path")
                        ? pkg.root().resolve(spec.path("path").asText()).normalize()
                        : locate(name, resolvedVersion, lockedSource, sourceDirs);
                if (root == null || !Files.isDirectory(root)) {
                    if (missing.add(name + " " + resolvedVersion)) {
                        problems.add(name + " " + resolvedVersion + " (through " + pkg.name() + "): "
                                + (lockedSource.startsWith("git+") ? "git checkout not found under " + cargoHome()
                                + "/git/checkouts" : "sources not found on this machine")
                                + "; calls into it are not resolved");
                    }
                    continue;
                }
                names.put(dep.getKey().replace('-', '_'), root);
                if (known.add(root)) {
                    String kind = lockedSource.startsWith("git+") ? "git" : lockedSource.isEmpty() ? "path" : "registry";
                    CrateGraph.Package found = new CrateGraph.Package(name, resolvedVersion, kind, root,
                            root.resolve("src"), false);
                    packages.add(found);
                    queue.add(found);
                }
            }
        }
        dependencies.replaceAll((root, names) -> Map.copyOf(names));
    }

    /**
     * A manifest's dependencies of one kind ({@code table} is {@code dependencies} or
     * {@code dev-dependencies}): that table and the `[target.X.<table>]` whose X (a `cfg(..)` or a
     * triple) may hold for the host (unknown counts as holding): name → spec.
     */
    private static Map<String, JsonNode> dependencyTable(JsonNode manifest,
                                                         java.util.function.Supplier<CfgEnvironment> host, String table) {
        Map<String, JsonNode> all = new java.util.LinkedHashMap<>();
        List<JsonNode> tables = new ArrayList<>();
        tables.add(manifest.path(table));
        if (table.equals("dev-dependencies")) {
            tables.add(manifest.path("dev_dependencies")); // the old spelling cargo still reads
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("target").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> target = it.next();
            String key = target.getKey().strip();
            CfgEnvironment env = host.get();
            boolean holds;
            if (key.startsWith("cfg(") && key.endsWith(")")) {
                holds = !Boolean.FALSE.equals(env.holds(key.substring(4, key.length() - 1)));
            } else {
                holds = !env.known() || key.equals(env.target());
            }
            if (holds) {
                tables.add(target.getValue().path(table));
            }
        }
        for (JsonNode found : tables) {
            for (Iterator<Map.Entry<String, JsonNode>> it = found.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                all.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        return all;
    }

    /**
     * What the library of the package at {@code packageRoot} calls its normal dependencies (its
     * manifest's `[dependencies]` and the target tables that may hold for the host): the name its
     * code uses ({@code -} as {@code _}) → the package name, renames applied. Empty when the
     * manifest cannot be read.
     */
    public static Map<String, String> normalDependencyNames(Path packageRoot) {
        JsonNode manifest = CargoManifests.readToml(packageRoot.resolve("Cargo.toml"));
        Map<String, String> names = new HashMap<>();
        if (manifest == null) {
            return names;
        }
        for (Map.Entry<String, JsonNode> dep : dependencyTable(manifest, lazyHost(), "dependencies").entrySet()) {
            JsonNode spec = dep.getValue();
            names.put(dep.getKey().replace('-', '_'),
                    spec.isObject() ? spec.path("package").asText(dep.getKey()) : dep.getKey());
        }
        return names;
    }

    /** The host's cfg, from rustc asked once and only when a target table needs it. */
    private static java.util.function.Supplier<CfgEnvironment> lazyHost() {
        return new java.util.function.Supplier<>() {
            private CfgEnvironment env;

            @Override
            public CfgEnvironment get() {
                if (env == null) {
                    env = CfgEnvironment.host();
                }
                return env;
            }
        };
    }

    /** The lock entry of a dependency: the only one of that name, or the one the package's own entry names. */
    private static JsonNode lockedEntry(List<JsonNode> candidates, JsonNode self, String name) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (self != null) {
            for (JsonNode d : self.path("dependencies")) {
                String[] parts = d.asText().split(" ");
                if (parts[0].equals(name) && parts.length > 1) {
                    for (JsonNode c : candidates) {
                        if (c.path("version").asText().equals(parts[1])) {
                            return c;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Folders that hold registry packages as NAME-VERSION: directory sources, vendor/, cargo's cache. */
    private static List<Path> directorySources(Path dir, Path lockRoot) {
        List<Path> dirs = new ArrayList<>();
        for (Path d = dir; d != null; d = d.getParent()) {
            addDirectorySources(d.resolve(".cargo/config.toml"), d, dirs);
            addDirectorySources(d.resolve(".cargo/config"), d, dirs);
        }
        Path cargoHome = cargoHome();
        if (cargoHome != null) {
            addDirectorySources(cargoHome.resolve("config.toml"), cargoHome, dirs);
            try (var registries = Files.list(cargoHome.resolve("registry/src"))) {
                registries.filter(Files::isDirectory).sorted().forEach(dirs::add);
            } catch (IOException e) {
                // no registry cache
            }
        }
        dirs.add(lockRoot.resolve("vendor"));
        return dirs;
    }

    private static void addDirectorySources(Path config, Path base, List<Path> dirs) {
        JsonNode c = Files.isRegularFile(config) ? CargoManifests.readToml(config) : null;
        if (c == null) {
            return;
        }
        c.path("source").forEach(source -> {
            if (source.path("directory").isTextual()) {
                dirs.add(base.resolve(source.path("directory").asText()).normalize());
            }
        });
    }

    /**
     * The folder of a locked package on this machine: a git source in cargo's checkouts (or a
     * vendored copy), a registry one in the directory sources, {@code vendor/} or the registry cache;
     * null when it is not there. {@code dir} is where the lock file's workspace is.
     */
    public static Path locate(Path dir, String name, String version, String lockedSource) {
        Path d = dir.toAbsolutePath().normalize();
        Path lockRoot = nearest(d, "Cargo.lock");
        return locate(name, version, lockedSource == null ? "" : lockedSource,
                directorySources(d, lockRoot == null ? d : lockRoot));
    }

    private static Path locate(String name, String version, String lockedSource, List<Path> sourceDirs) {
        if (lockedSource.startsWith("git+")) {
            Path checkout = GitCheckouts.find(cargoHome(), name, lockedSource);
            if (checkout != null) {
                return checkout;
            }
        }
        return findSources(name, version, sourceDirs); // also a git dependency vendored by `cargo vendor`
    }

    private static Path findSources(String name, String version, List<Path> dirs) {
        for (Path d : dirs) {
            for (Path candidate : List.of(d.resolve(name + "-" + version), d.resolve(name))) {
                if (Files.isRegularFile(candidate.resolve("Cargo.toml"))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    static Path cargoHome() {
        String env = System.getenv("CARGO_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".cargo");
    }

    /** The nearest folder, {@code dir} itself first, that holds a file named {@code fileName}. */
    static Path nearest(Path dir, String fileName) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(fileName))) {
                return d;
            }
        }
        return null;
    }
}
