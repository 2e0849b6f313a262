package dev.unsafehints.lsp;

import dev.unsafehints.analysis.Watchdog;
import dev.unsafehints.engine.DependencyIndexer;
import dev.unsafehints.lsp.inventory.ProgressReporter;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateGraph;
import dev.unsafehints.workspace.DeclarationsCache;
import dev.unsafehints.workspace.StdSources;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Brings the crate graph into the language server's index in the background: the dependencies'
 * declarations and the standard library's (from the disk cache when it has them), so that calls
 * into them resolve in the open files. Open files are analysed before this finishes and again
 * after. Cargo runs only when the client says the workspace may run it (setting
 * {@code unsafeHints.cargo.enable}, which VS Code turns off in untrusted workspaces): running cargo
 * runs what the project's `.cargo/config.toml` names. Otherwise `Cargo.lock` and the sources on disk
 * are read, which runs nothing.
 */
final class DependencyLoader implements AutoCloseable {
    /** The outcome of one load, for the log and for tests. */
    record Loaded(CrateGraph graph, StdSources std, List<DependencyIndexer.Outcome> packages) {
    }

    private final WorkspaceIndex index;
    private final DeclarationsCache cache;
    private final ClientLog log;
    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(DaemonThreads.lowPriority("unsafe-hints-dependencies"));
    /** Parses the files of packages the cache does not hold: deep trees need deep stacks. */
    private final ExecutorService parsers = Executors.newFixedThreadPool(
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1)),
            DaemonThreads.deepStack("unsafe-hints-dependency-parser"));
    private final AtomicLong loads = new AtomicLong();
    private final Watchdog watchdog = new Watchdog(AnalysisLimits.MAX_ANALYSIS_TIME);

    DependencyLoader(WorkspaceIndex index, DeclarationsCache cache, ClientLog log) {
        this.index = index;
        this.cache = cache;
        this.log = log;
    }

    /**
     * Loads the graph of {@code roots}; a newer load supersedes an older one still queued. Completes
     * with what was loaded (null when superseded or failed); never exceptionally.
     */
    CompletableFuture<Loaded> load(List<Path> roots, boolean cargoAllowed, CargoManifests manifests,
                                   Supplier<ProgressReporter> progress) {
        long load = loads.incrementAndGet();
        CompletableFuture<Loaded> done = new CompletableFuture<>();
        try {
            runner.execute(() -> {
                if (loads.get() != load) {
                    done.complete(null);
                    return;
                }
                ProgressReporter reporter = progress.get();
                reporter.begin("Reading dependencies", cargoAllowed ? "cargo metadata" : "Cargo.lock");
                try {
                    Loaded loaded = run(roots, cargoAllowed, manifests, reporter);
                    reporter.end(loaded.packages().size() + " packages");
                    done.complete(loaded);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reporter.end("interrupted");
                    done.complete(null);
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    log.warn("reading the dependencies failed: " + e);
                    reporter.end("failed");
                    done.complete(null);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.complete(null); // shutting down
        }
        return done;
    }

    private Loaded run(List<Path> roots, boolean cargoAllowed, CargoManifests manifests, ProgressReporter reporter)
            throws InterruptedException {
        CrateGraph graph = CrateGraph.discover(roots, cargoAllowed);
        StdSources std = StdSources.locate(System.getenv());
        for (String problem : graph.problems()) {
            log.info("dependencies: " + problem);
        }
        log.info(std.found() ? "standard library sources: " + std.library() + " (" + std.origin() + ")"
                : "standard library sources not found (" + std.origin() + "): a built-in list of its unsafe"
                        + " functions is used; set RUST_SRC_PATH or run `rustup component add rust-src`");
        List<CrateGraph.Package> packages = graph.packagesToIndex(std,
                root -> roots.stream().anyMatch(r -> root.startsWith(r.toAbsolutePath().normalize())));
        reporter.report(packages.size() + " packages", 10);
        java.util.Map<Path, java.util.Map<String, Path>> names = graph.dependencyNames(std);
        // the names are given to the indexer now, so the cache entries it writes hold the expansions
        // of the dependencies' macros, as the scanner's do
        List<DependencyIndexer.Outcome> outcomes = new DependencyIndexer(cache, watchdog, names)
                .index(packages, pkg -> DependencyIndexer.crateOf(pkg, manifests), index, parsers);
        // the names go in last: until the declarations are there, calls stay unresolved as before
        dev.unsafehints.workspace.CfgEnvironment host = dev.unsafehints.workspace.CfgEnvironment.host();
        index.setCfgEnvironments(root -> host.withFeatures(graph.featuresOf(root)));
        index.setDependencies(names);
        index.setDevDependencies(graph.devDependencies());
        if (std.found()) {
            index.setStandardLibrary(std.namesForCrates());
        }
        long cached = outcomes.stream().filter(DependencyIndexer.Outcome::fromCache).count();
        log.info("dependencies: " + outcomes.size() + " packages indexed (" + cached + " from the cache)");
        return new Loaded(graph, std, outcomes);
    }

    @Override
    public void close() {
        runner.shutdownNow();
        parsers.shutdownNow();
        watchdog.close();
    }
}
