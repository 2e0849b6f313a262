package dev.unsafehints.engine;

import dev.unsafehints.analysis.Watchdog;
import dev.unsafehints.workspace.CrateGraph;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.DeclarationsCache;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.PackageFiles;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Puts the declarations of packages the analysed code depends on (dependencies, the standard
 * library) into the workspace index: read from the {@link DeclarationsCache} when it holds them,
 * else from a declarations-only parse of each file, spread over the given threads, and then stored
 * in the cache. Nothing of a dependency is analysed or reported; a file that cannot be read or
 * parsed only leaves calls into it unresolved.
 */
public final class DependencyIndexer {
    /** Files larger than this are not read (generated bindings can be huge; their calls stay unresolved). */
    private static final long MAX_FILE_BYTES = 16L << 20;

    /** How one package was indexed: from the cache or parsed, and how many files it has. */
    public record Outcome(CrateGraph.Package pkg, int files, boolean fromCache) {
    }

    private final DeclarationsCache cache;
    private final Watchdog watchdog;
    /** Each package's dependencies by the names it uses (by package root); null: the index's own. */
    private final java.util.Map<Path, java.util.Map<String, Path>> dependencyNames;

    /** An indexer for an index that already knows the graph's dependency names. */
    public DependencyIndexer(DeclarationsCache cache, Watchdog watchdog) {
        this(cache, watchdog, null);
    }

    /**
     * An indexer for an index told the graph's names only after indexing (the language server):
     * {@code dependencyNames} lets it expand the calls of dependencies' macros before it writes a
     * package's cache entry, so that entry is as complete as the scanner's.
     */
    public DependencyIndexer(DeclarationsCache cache, Watchdog watchdog,
                             java.util.Map<Path, java.util.Map<String, Path>> dependencyNames) {
        this.cache = cache;
        this.watchdog = watchdog;
        this.dependencyNames = dependencyNames;
    }

    /**
     * Indexes {@code packages} into {@code index}; {@code crateOf} says which crate (root, edition)
     * the files of a package belong to.
     */
    public List<Outcome> index(List<CrateGraph.Package> packages, Function<CrateGraph.Package, CrateInfo> crateOf,
                               WorkspaceIndex index, ExecutorService pool) throws InterruptedException {
        List<Future<Outcome>> pending = new ArrayList<>();
        for (CrateGraph.Package pkg : packages) {
            pending.add(pool.submit(() -> fromCache(pkg, crateOf.apply(pkg), index)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            Outcome cached = get(pending.get(i));
            if (cached != null) {
                outcomes.add(cached);
            } else {
                CrateGraph.Package pkg = packages.get(i);
                misses.add(new Miss(pkg, crateOf.apply(pkg), PackageFiles.underLibDir(pkg), PackageFiles.of(pkg)));
            }
        }
        // parse every file of every missed package at once, so that all threads stay busy
        List<List<Future<FileDeclarations>>> parses = new ArrayList<>();
        for (Miss miss : misses) {
            List<Future<FileDeclarations>> files = new ArrayList<>();
            for (Path file : miss.files()) {
                files.add(pool.submit(() -> parse(file, miss.crate())));
            }
            parses.add(files);
        }
        List<List<FileDeclarations>> missed = new ArrayList<>();
        for (int i = 0; i < misses.size(); i++) {
            Miss miss = misses.get(i);
            List<FileDeclarations> declarations = new ArrayList<>();
            for (Future<FileDeclarations> f : parses.get(i)) {
                FileDeclarations d = get(f);
                if (d != null) {
                    declarations.add(d.detached());
                }
            }
            // what the package's own macros declare among its items, made now so the cache keeps it
            dev.unsafehints.workspace.ItemMacroDeclarations.expandAll(declarations, miss.crate().edition());
            declarations.forEach(d -> index.update(miss.crate(), d));
            missed.add(declarations);
        }
        // once every package is in the index: what the calls of the dependencies' macros declare
        // (an FFI crate's wrappers written by another crate's macro), so the cache keeps that too
        for (int i = 0; i < misses.size(); i++) {
            Miss miss = misses.get(i);
            List<FileDeclarations> declarations = missed.get(i);
            if (dependencyNames == null) {
                index.expandWithDependencies(miss.crate(), declarations);
            } else {
                index.expandWithDependencies(miss.crate(), declarations,
                        dependencyNames.getOrDefault(miss.crate().root(), java.util.Map.of()));
            }
            List<Path> outside = new ArrayList<>(miss.files());
            outside.removeAll(new java.util.HashSet<>(miss.inLibDir()));
            cache.write(DeclarationsCache.keyOf(miss.pkg(), miss.inLibDir()), outside, declarations);
            outcomes.add(new Outcome(miss.pkg(), miss.files().size(), false));
        }
        return outcomes;
    }

    /** A package the cache did not have: the files of its library folder, and all its files. */
    private record Miss(CrateGraph.Package pkg, CrateInfo crate, List<Path> inLibDir, List<Path> files) {
    }

    private Outcome fromCache(CrateGraph.Package pkg, CrateInfo crate, WorkspaceIndex index) {
        Optional<List<FileDeclarations>> cached = cache.read(DeclarationsCache.keyOf(pkg, PackageFiles.underLibDir(pkg)));
        if (cached.isEmpty()) {
            return null;
        }
        cached.get().forEach(d -> index.update(crate, d));
        return new Outcome(pkg, cached.get().size(), true);
    }

    private FileDeclarations parse(Path file, CrateInfo crate) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return null;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return watchdog.call(() -> FileDeclarations.read(file, crate, text));
        } catch (IOException | Watchdog.TimedOut | RuntimeException | StackOverflowError e) {
            return null; // only calls into this file stay unresolved
        }
    }

    /** The crate a package's files belong to: the package (edition from its manifest). */
    public static CrateInfo crateOf(CrateGraph.Package pkg, dev.unsafehints.workspace.CargoManifests manifests) {
        CrateInfo manifest = pkg.libDir() == null ? CrateInfo.NONE : manifests.crateOf(pkg.libDir().resolve("lib.rs"));
        if (pkg.root().equals(manifest.root())) {
            return manifest;
        }
        return new CrateInfo(pkg.root(), pkg.name(), pkg.version(),
                manifest.root() == null ? dev.unsafehints.grammar.Edition.DEFAULT : manifest.edition());
    }

    private static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return null;
        }
    }
}
