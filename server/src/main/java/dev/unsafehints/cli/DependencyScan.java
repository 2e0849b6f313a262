package dev.unsafehints.cli;

import dev.unsafehints.engine.DependencyIndexer;
import dev.unsafehints.report.CrateSource;
import dev.unsafehints.report.DependencyTree;
import dev.unsafehints.report.FileReportBuilder;
import dev.unsafehints.report.UnsafeCodePolicy;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateGraph;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.PackageFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What {@code scan --deps} scans besides the workspace: every package the members reach through
 * normal dependencies (those the library's code can name; not build dependencies), each with the
 * files of its library and a report builder whose paths are relative to the package's root, and the
 * packages only their dev-dependencies bring in, whose sites all count as test-only (cargo-geiger
 * leaves them out by default; here they are in the JSON's {@code testOnlyCounts}). The standard
 * library is not a dependency here.
 */
final class DependencyScan {
    private DependencyScan() {
    }

    /**
     * One dependency to scan: its row of the report ({@code name@version}), crate, the files of its
     * library's folder (listed, not read: what a cache key needs) and a report builder;
     * {@code testOnly} for a package only dev-dependencies bring in.
     */
    record Package(CrateGraph.Package pkg, CrateInfo crate, CrateSource source, List<Path> libFiles,
                   FileReportBuilder builder, boolean testOnly) {
        /** Every file of the library, those that `#[path]` pulls in from elsewhere included (reads the sources). */
        List<Path> files() {
            return PackageFiles.of(pkg);
        }

        /** Its row with the `unsafe_code` policy its crate root declares (read from the root file). */
        CrateSource withPolicy(UnsafeCodePolicy policy) {
            return new CrateSource(source.key(), source.name(), source.version(), source.edition(), source.root(),
                    policy, source.source());
        }
    }

    /** The reachable dependencies that are not scanned as part of the workspace, by name and version. */
    static List<Package> packages(CrateGraph graph, Predicate<Path> isWorkspaceCrate, CargoManifests manifests) {
        List<CrateGraph.Package> reachable = new ArrayList<>(graph.reachableDependencies());
        Set<CrateGraph.Package> devOnly = new HashSet<>(graph.devOnlyDependencies());
        reachable.addAll(devOnly);
        reachable.removeIf(p -> isWorkspaceCrate.test(p.root()));
        reachable.sort(Comparator.comparing(CrateGraph.Package::name).thenComparing(CrateGraph.Package::version));
        Set<String> keys = new HashSet<>();
        List<Package> result = new ArrayList<>();
        for (CrateGraph.Package pkg : reachable) {
            String key = pkg.name() + "@" + pkg.version();
            if (!keys.add(key)) {
                key = key + " (" + pkg.root() + ")"; // the same name and version from two sources
                keys.add(key);
            }
            CrateInfo crate = DependencyIndexer.crateOf(pkg, manifests);
            CrateSource source = new CrateSource(key, pkg.name(), pkg.version(), crate.edition().year(),
                    pkg.root().toString(), UnsafeCodePolicy.UNKNOWN, pkg.source()); // policy: read on a cache miss
            result.add(new Package(pkg, crate, source, PackageFiles.underLibDir(pkg), new FileReportBuilder(pkg.root()),
                    devOnly.contains(pkg)));
        }
        return result;
    }

    /**
     * The graph from each workspace member down, as {@code cargo tree} shows it: children by name, a
     * package met before shown once more with {@code (*)} and not expanded again. {@code keys} maps
     * a package root to its row in the report.
     */
    static DependencyTree tree(CrateGraph graph, Map<Path, String> keys) {
        Map<Path, CrateGraph.Package> byRoot = new HashMap<>();
        graph.packages().forEach(p -> byRoot.putIfAbsent(p.root(), p));
        List<CrateGraph.Package> members = new ArrayList<>(graph.packages().stream().filter(CrateGraph.Package::member)
                .filter(p -> keys.containsKey(p.root())).toList());
        members.sort(Comparator.comparing(CrateGraph.Package::name));
        List<DependencyTree.Line> lines = new ArrayList<>();
        Set<Path> expanded = new HashSet<>();
        for (CrateGraph.Package member : members) {
            add(member, 0, graph, byRoot, keys, expanded, new HashSet<>(), lines);
        }
        return new DependencyTree(lines);
    }

    private static void add(CrateGraph.Package pkg, int depth, CrateGraph graph, Map<Path, CrateGraph.Package> byRoot,
                            Map<Path, String> keys, Set<Path> expanded, Set<Path> path, List<DependencyTree.Line> lines) {
        List<CrateGraph.Package> children = new ArrayList<>();
        for (Path dep : new HashSet<>(graph.dependencies().getOrDefault(pkg.root(), Map.of()).values())) {
            CrateGraph.Package child = byRoot.get(dep);
            if (child != null) {
                children.add(child);
            }
        }
        // a package met before, or one that depends on itself through a path cycle, is not expanded again
        boolean repeated = !children.isEmpty() && (expanded.contains(pkg.root()) || path.contains(pkg.root()));
        lines.add(new DependencyTree.Line(depth, pkg.name(), pkg.version(), pkg.source(), keys.get(pkg.root()),
                repeated));
        if (repeated || children.isEmpty()) {
            return;
        }
        expanded.add(pkg.root());
        path.add(pkg.root());
        children.sort(Comparator.comparing(CrateGraph.Package::name).thenComparing(CrateGraph.Package::version));
        for (CrateGraph.Package child : children) {
            add(child, depth + 1, graph, byRoot, keys, expanded, path, lines);
        }
        path.remove(pkg.root());
    }
}
