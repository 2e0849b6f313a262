package dev.unsafehints.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packages of a Cargo workspace and what each package calls its dependencies, as Cargo
 * resolved them ({@link CargoMetadata}). Paths are absolute and normalized, as {@link CrateInfo#root()}.
 *
 * @param packages     every package of the graph, the workspace's own ones marked as members
 * @param dependencies per package root: the name the package's code uses for each dependency
 *                     (renames applied, {@code -} as {@code _}) and that dependency's package root
 * @param problems     one line per thing that could not be resolved, for the user
 * @param features     per package root: the features cargo resolved as enabled (only when cargo ran)
 * @param devDependencies per workspace member's root: its dev-dependencies that are not also normal
 *                     ones, by the name its tests, benches, examples and {@code cfg(test)} code use
 */
public record CrateGraph(List<Package> packages, Map<Path, Map<String, Path>> dependencies, List<String> problems,
                         Map<Path, Set<String>> features, Map<Path, Map<String, Path>> devDependencies) {
    public static final CrateGraph EMPTY = new CrateGraph(List.of(), Map.of(), List.of());

    public CrateGraph(List<Package> packages, Map<Path, Map<String, Path>> dependencies, List<String> problems) {
        this(packages, dependencies, problems, Map.of(), Map.of());
    }

    /** The features enabled for the package at {@code root}, or null when the graph does not say. */
    public Set<String> featuresOf(Path root) {
        return root == null ? null : features.get(root);
    }

    /**
     * One package: {@code libDir} is the folder of its library target's root file (null when it has
     * no library), the files a dependent can name.
     */
    public record Package(String name, String version, String source, Path root, Path libDir, boolean member) {
    }

    /** A graph that only says why there is none. */
    public static CrateGraph failed(String problem) {
        return new CrateGraph(List.of(), Map.of(), List.of(problem));
    }

    /**
     * The crate graph of each folder: `cargo metadata` when {@code useCargo} (it runs what the
     * project's `.cargo/config.toml` names: only for trusted code), else, or when cargo fails, what
     * `Cargo.lock` and the sources on disk say (files are only read).
     */
    public static CrateGraph discover(List<Path> roots, boolean useCargo) {
        return discover(roots, useCargo, CargoOptions.DEFAULT);
    }

    /** As {@link #discover(List, boolean)}, with cargo's target and feature options. */
    public static CrateGraph discover(List<Path> roots, boolean useCargo, CargoOptions options) {
        CrateGraph graph = EMPTY;
        for (Path root : roots) {
            if (!java.nio.file.Files.isDirectory(root)) {
                continue;
            }
            CrateGraph fromCargo = useCargo ? CargoMetadata.discover(root, options) : null;
            if (fromCargo != null && (fromCargo.problems().isEmpty() || !fromCargo.packages().isEmpty())) {
                graph = graph.plus(fromCargo);
                continue;
            }
            CrateGraph fromLock = CargoLock.discover(root);
            if (fromCargo != null) {
                fromLock = failed(fromCargo.problems().get(0) + "; read Cargo.lock instead").plus(fromLock);
            }
            graph = graph.plus(fromLock);
        }
        return graph;
    }

    /**
     * What each package calls its dependencies, with the standard library's crates added for the
     * library's own crates ({@code std} names {@code core} and {@code alloc}).
     */
    public Map<Path, Map<String, Path>> dependencyNames(StdSources std) {
        Map<Path, Map<String, Path>> names = new HashMap<>(dependencies);
        if (std.found()) {
            std.internalDependencies().forEach(names::putIfAbsent);
        }
        return names;
    }

    /**
     * The packages whose declarations an analysis of the workspace needs: the direct
     * dependencies, and the standard library's crates when their sources are at hand; a package
     * that {@code isWorkspaceCrate} says is analysed itself is left out.
     */
    public List<Package> packagesToIndex(StdSources std, java.util.function.Predicate<Path> isWorkspaceCrate) {
        List<Package> result = new ArrayList<>();
        for (Package dep : reachableDependencies()) {
            if (!isWorkspaceCrate.test(dep.root())) {
                result.add(dep);
            }
        }
        for (Package dep : devOnlyDependencies()) {
            if (!isWorkspaceCrate.test(dep.root())) {
                result.add(dep);
            }
        }
        if (std.found()) {
            for (String crate : StdSources.CRATES) {
                Package pkg = std.packageOf(crate);
                if (!isWorkspaceCrate.test(pkg.root())) {
                    result.add(pkg);
                }
            }
        }
        return result;
    }

    /**
     * Every package the members depend on, directly or not (not the members): a dependency's
     * `pub use` of its own dependency (`foreign_types` re-exports `foreign_types_shared`'s traits)
     * is only followed when that one is indexed too.
     */
    public List<Package> reachableDependencies() {
        java.util.ArrayDeque<Path> queue = new java.util.ArrayDeque<>();
        packages.stream().filter(Package::member).forEach(p -> queue.add(p.root()));
        return reachableFrom(queue, new java.util.LinkedHashSet<>());
    }

    /**
     * The packages only the members' dev-dependencies bring in (directly or through their own
     * normal dependencies), not reachable through normal dependencies: what tests, benches and
     * examples compile against, as cargo-geiger's counts leave out by default.
     */
    public List<Package> devOnlyDependencies() {
        java.util.LinkedHashSet<Path> normal = new java.util.LinkedHashSet<>();
        reachableDependencies().forEach(p -> normal.add(p.root()));
        java.util.ArrayDeque<Path> queue = new java.util.ArrayDeque<>();
        java.util.LinkedHashSet<Path> seen = new java.util.LinkedHashSet<>(normal);
        for (Package member : packages) {
            if (member.member()) {
                for (Path dev : devDependencies.getOrDefault(member.root(), Map.of()).values()) {
                    if (seen.add(dev)) {
                        queue.add(dev);
                    }
                }
            }
        }
        List<Package> devOnly = new ArrayList<>();
        Map<Path, Package> byRoot = new HashMap<>();
        packages.forEach(p -> byRoot.put(p.root(), p));
        for (Path root : queue) {
            Package p = byRoot.get(root);
            if (p != null && !p.member()) {
                devOnly.add(p);
            }
        }
        for (Package p : reachableFrom(queue, seen)) {
            if (!devOnly.contains(p)) {
                devOnly.add(p);
            }
        }
        devOnly.removeIf(p -> normal.contains(p.root()));
        return devOnly;
    }

    /** The packages (not members) reached through normal dependencies from {@code queue}, skipping {@code seen}. */
    private List<Package> reachableFrom(java.util.ArrayDeque<Path> queue, java.util.LinkedHashSet<Path> seen) {
        Map<Path, Package> byRoot = new HashMap<>();
        packages.forEach(p -> byRoot.put(p.root(), p));
        java.util.LinkedHashSet<Path> before = new java.util.LinkedHashSet<>(seen);
        while (!queue.isEmpty()) {
            for (Path dep : dependencies.getOrDefault(queue.poll(), Map.of()).values()) {
                if (seen.add(dep)) {
                    queue.add(dep);
                }
            }
        }
        List<Package> reachable = new ArrayList<>();
        for (Path root : seen) {
            if (before.contains(root)) {
                continue;
            }
            Package p = byRoot.get(root);
            if (p != null && !p.member()) {
                reachable.add(p);
            }
        }
        return reachable;
    }

    /** The packages that some member of the workspace depends on directly (not the members). */
    public List<Package> directDependencies() {
        Map<Path, Package> byRoot = new HashMap<>();
        packages.forEach(p -> byRoot.put(p.root(), p));
        List<Package> direct = new ArrayList<>();
        for (Package p : packages) {
            if (!p.member()) {
                continue;
            }
            for (Path dep : dependencies.getOrDefault(p.root(), Map.of()).values()) {
                Package d = byRoot.get(dep);
                if (d != null && !d.member() && !direct.contains(d)) {
                    direct.add(d);
                }
            }
        }
        return direct;
    }

    /** This graph and {@code other} as one (scans of several roots). */
    public CrateGraph plus(CrateGraph other) {
        List<Package> all = new ArrayList<>(packages);
        other.packages.stream().filter(p -> !all.contains(p)).forEach(all::add);
        Map<Path, Map<String, Path>> deps = new HashMap<>(dependencies);
        other.dependencies.forEach(deps::putIfAbsent);
        List<String> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        Map<Path, Set<String>> allFeatures = new HashMap<>(features);
        other.features.forEach(allFeatures::putIfAbsent);
        Map<Path, Map<String, Path>> devDeps = new HashMap<>(devDependencies);
        other.devDependencies.forEach(devDeps::putIfAbsent);
        return new CrateGraph(List.copyOf(all), Map.copyOf(deps), List.copyOf(allProblems), Map.copyOf(allFeatures),
                Map.copyOf(devDeps));
    }
}
