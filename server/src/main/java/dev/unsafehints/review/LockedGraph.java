package dev.unsafehints.review;

import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.analysis.Watchdog;
import dev.unsafehints.engine.DependencyIndexer;
import dev.unsafehints.workspace.CargoLock;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateGraph;
import dev.unsafehints.workspace.DeclarationsCache;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The packages one lock file locks, and where they are on this machine: what a reviewed version of
 * a dependency calls its own dependencies (a wrapper's `libc`, a `*-sys` crate), so that their
 * declarations go into the review's index and the version's calls into them resolve as in `scan`.
 * Files are only read; the declarations cache is the scan's.
 */
final class LockedGraph {
    private static final Duration FILE_TIME_LIMIT = Duration.ofSeconds(60);

    private final List<DependencyReview.Locked> locked;
    private final Path lockDir;

    LockedGraph(List<DependencyReview.Locked> locked, Path lockDir) {
        this.locked = locked;
        this.lockDir = lockDir;
    }

    /**
     * Indexes the normal dependencies of the package at {@code root} (locked as {@code entry}) into
     * {@code index} and tells the index the names its code uses for them. Returns one note per
     * dependency that is not on this machine.
     */
    List<String> indexDependenciesOf(DependencyReview.Locked entry, Path root, WorkspaceIndex index) {
        Map<String, String> listed = new HashMap<>(); // package name -> version ("" when the lock names it alone)
        for (String d : entry.dependencies()) {
            String[] parts = d.split(" ");
            listed.putIfAbsent(parts[0], parts.length > 1 ? parts[1] : "");
        }
        List<String> notes = new ArrayList<>();
        List<CrateGraph.Package> packages = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Map.Entry<String, String> dep : CargoLock.normalDependencyNames(root).entrySet()) {
            String name = dep.getValue();
            if (!listed.containsKey(name)) {
                continue; // an optional dependency no feature turned on (the lock lists what was resolved)
            }
            String version = listed.get(name);
            DependencyReview.Locked found = locked.stream()
                    .filter(l -> l.name().equals(name) && (version.isEmpty() || l.version().equals(version)))
                    .findFirst().orElse(null);
            if (found == null) {
                continue;
            }
            Path depRoot = CargoLock.locate(lockDir, name, found.version(), found.source());
            if (depRoot == null) {
                notes.add(name + " " + found.version() + " (through " + entry.name() + " " + entry.version()
                        + "): not on this machine; calls into it are not resolved");
                continue;
            }
            packages.add(new CrateGraph.Package(name, found.version(), found.kind(), depRoot,
                    DependencyReview.libDir(depRoot), false));
            names.put(dep.getKey(), depRoot);
        }
        if (packages.isEmpty()) {
            return notes;
        }
        CargoManifests manifests = new CargoManifests();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                r -> DeepStack.thread(r, "review-dependencies"));
        try {
            new DependencyIndexer(DeclarationsCache.in(DeclarationsCache.defaultFolder(System.getenv())),
                    new Watchdog(FILE_TIME_LIMIT))
                    .index(packages, pkg -> DependencyIndexer.crateOf(pkg, manifests), index, pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add(entry.name() + " " + entry.version() + ": interrupted while reading its dependencies");
        } finally {
            pool.shutdownNow();
        }
        index.setDependencies(Map.of(root, Map.copyOf(names)));
        return notes;
    }
}
