package dev.unsafehints.lsp.inventory;

import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.workspace.CrateGraph;
import dev.unsafehints.workspace.PackageFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The dependencies' unsafe code for the editor's dependency view (the {@code unsafe-hints.dependencies}
 * command): the packages of the crate graph the server loaded last, and, when the user opens one, that
 * package's sites. A package is analysed only then, file by file as the server analyses an open file,
 * against the index that holds the graph's declarations, so its calls into its own dependencies
 * resolve. Registry sources do not change: a package's sites are kept until the graph is loaded again,
 * for the few packages opened last.
 */
public final class DependencyInventory {
    /** How many packages' sites are kept: opening one more forgets the one opened longest ago. */
    private static final int KEPT_PACKAGES = 16;

    /**
     * One package of the view.
     *
     * @param name     the package name from its Cargo.toml
     * @param version  its version
     * @param source   {@code registry}, {@code git} or {@code path}
     * @param root     the package's folder: the argument that asks for its sites
     * @param testOnly only dev-dependencies bring it in
     */
    public record Package(String name, String version, String source, String root, boolean testOnly) {
    }

    /** Analyses one file of a package: the server's analyzer, index and settings, the package's crate. */
    public interface FileAnalyzer {
        FileAnalysis analyze(CrateGraph.Package pkg, Path file, String text);
    }

    private final RuleLookup rules;
    private final FileAnalyzer analyzer;
    private final Consumer<String> warn;
    private volatile CrateGraph graph;
    private volatile List<CrateGraph.Package> packages = List.of();
    private final Set<Path> testOnly = new HashSet<>();
    private final Map<Path, List<InventorySite>> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, List<InventorySite>> eldest) {
            return size() > KEPT_PACKAGES;
        }
    };

    public DependencyInventory(RuleLookup rules, FileAnalyzer analyzer, Consumer<String> warn) {
        this.rules = rules;
        this.analyzer = analyzer;
        this.warn = warn;
    }

    /**
     * The graph the server loaded: every package the workspace reaches through normal or dev
     * dependencies, less the workspace's own crates (the inventory lists those) and the standard library.
     */
    public synchronized void setGraph(CrateGraph loaded, Predicate<Path> isWorkspaceCrate) {
        List<CrateGraph.Package> reachable = new ArrayList<>(loaded.reachableDependencies());
        List<CrateGraph.Package> devOnly = loaded.devOnlyDependencies();
        reachable.addAll(devOnly);
        reachable.removeIf(p -> p.member() || isWorkspaceCrate.test(p.root()));
        Set<Path> roots = new HashSet<>();
        reachable.removeIf(p -> !roots.add(p.root()));
        reachable.sort(Comparator.comparing(CrateGraph.Package::name).thenComparing(CrateGraph.Package::version));
        testOnly.clear();
        devOnly.forEach(p -> testOnly.add(p.root()));
        packages = List.copyOf(reachable);
        kept.clear();
        graph = loaded;
    }

    /** Whether a graph has been loaded (until then the view says it is reading the dependencies). */
    public boolean loaded() {
        return graph != null;
    }

    public synchronized List<Package> packages() {
        return packages.stream().map(p -> new Package(p.name(), p.version(), p.source(), p.root().toString(),
                testOnly.contains(p.root()))).toList();
    }

    /** The sites of the package whose folder is {@code root}; empty when the graph has no such package. */
    public Optional<List<InventorySite>> sites(String root) {
        Optional<CrateGraph.Package> pkg = packages.stream().filter(p -> p.root().toString().equals(root)).findFirst();
        if (pkg.isEmpty()) {
            return Optional.empty();
        }
        synchronized (this) {
            List<InventorySite> known = kept.get(pkg.get().root());
            if (known != null) {
                return Optional.of(known);
            }
        }
        List<InventorySite> sites = analyse(pkg.get());
        synchronized (this) {
            if (packages.contains(pkg.get())) {
                kept.put(pkg.get().root(), sites);
            }
        }
        return Optional.of(sites);
    }

    private List<InventorySite> analyse(CrateGraph.Package pkg) {
        String crate = pkg.name() + " " + pkg.version();
        List<InventorySite> sites = new ArrayList<>();
        for (Path file : PackageFiles.of(pkg)) {
            try {
                Optional<String> text = WorkspaceInventory.readText(file);
                if (text.isPresent()) {
                    sites.addAll(WorkspaceInventory.sitesOf(rules, file, crate,
                            pkg.root().relativize(file).toString().replace('\\', '/'),
                            analyzer.analyze(pkg, file, text.get())));
                }
            } catch (RuntimeException | StackOverflowError e) {
                warn.accept("cannot list the unsafe code of " + file + " (" + crate + "): " + e);
            }
        }
        return List.copyOf(sites);
    }
}
