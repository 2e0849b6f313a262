package dev.unsafehints.cli;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Watchdog;
import dev.unsafehints.config.ConfigFile;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.engine.DependencyIndexer;
import dev.unsafehints.grammar.LexedSource;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.report.Baseline;
import dev.unsafehints.report.CrateSource;
import dev.unsafehints.report.FileReport;
import dev.unsafehints.report.FileReportBuilder;
import dev.unsafehints.report.ReportAssembler;
import dev.unsafehints.report.ReportModel;
import dev.unsafehints.report.ScanInfo;
import dev.unsafehints.report.SkippedFile;
import dev.unsafehints.report.ToolInfo;
import dev.unsafehints.report.UnsafeCodePolicy;
import dev.unsafehints.version.ToolVersion;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CargoOptions;
import dev.unsafehints.workspace.CrateGraph;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.DeclarationsCache;
import dev.unsafehints.workspace.StdSources;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.ModulePaths;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a scan: walks the paths, reads and analyzes the files on {@code jobs} threads, and assembles
 * the report model. Streams: each worker turns its file's analysis into a compact
 * {@link FileReport} and drops the text and tree before taking the next file.
 */
final class ScanRunner {
    /** Everything a scan needs to know. */
    record Request(List<Path> roots, List<String> rootsAsGiven, boolean useGitignore, boolean includeTarget,
                   long maxFileSize, java.time.Duration fileTimeLimit, boolean useCargo, int jobs,
                   AnalysisSettings settings,
                   String automationId, Optional<Baseline> baseline, ScanProgressFactory progress,
                   Analyzer analyzer, StdSources std, DeclarationsCache cache, CargoOptions cargo,
                   boolean deps, boolean followLinks) {
        Request(List<Path> roots, List<String> rootsAsGiven, boolean useGitignore, boolean includeTarget,
                long maxFileSize, java.time.Duration fileTimeLimit, boolean useCargo, int jobs,
                AnalysisSettings settings, String automationId, Optional<Baseline> baseline,
                ScanProgressFactory progress, Analyzer analyzer, StdSources std, DeclarationsCache cache,
                CargoOptions cargo, boolean deps) {
            this(roots, rootsAsGiven, useGitignore, includeTarget, maxFileSize, fileTimeLimit, useCargo, jobs, settings,
                    automationId, baseline, progress, analyzer, std, cache, cargo, deps, false);
        }

        Request(List<Path> roots, List<String> rootsAsGiven, boolean useGitignore, boolean includeTarget,
                long maxFileSize, java.time.Duration fileTimeLimit, boolean useCargo, int jobs,
                AnalysisSettings settings, String automationId, Optional<Baseline> baseline,
                ScanProgressFactory progress, Analyzer analyzer, StdSources std, DeclarationsCache cache,
                CargoOptions cargo) {
            this(roots, rootsAsGiven, useGitignore, includeTarget, maxFileSize, fileTimeLimit, useCargo, jobs, settings,
                    automationId, baseline, progress, analyzer, std, cache, cargo, false);
        }
    }

    /** Makes the progress display once the number of files is known. */
    interface ScanProgressFactory {
        ScanProgress create(int files);
    }

    private final Request request;
    private final CargoManifests manifests = new CargoManifests();
    private final Map<Path, CrateSource> crates = new ConcurrentHashMap<>();
    private final AtomicBoolean internalErrors = new AtomicBoolean();
    private final Path base;
    private final FileReportBuilder builder;
    /** The index pass's tokens of each file, for the analysis pass. */
    private final LexedFiles lexedFiles = new LexedFiles(LexedFiles.DEFAULT_BUDGET);

    /** Wall time of the walk and the two passes, for --timings. */
    double walkSeconds;
    double graphSeconds;
    /** The crate graph the scan used (empty with --no-cargo or outside a Cargo package). */
    CrateGraph graph = CrateGraph.EMPTY;
    double indexSeconds;
    double analysisSeconds;
    /** Wall time of the dependencies' own analysis (scan --deps), and how many came from the cache. */
    double dependencySeconds;
    int dependenciesFromCache;
    private Watchdog dependencyWatchdog;
    /** How each dependency (and standard library crate) got into the index. */
    List<DependencyIndexer.Outcome> dependencies = List.of();

    ScanRunner(Request request) {
        this.request = request;
        this.base = baseOf(request.roots());
        this.builder = new FileReportBuilder(base);
    }

    /** The folder report paths are relative to: the common ancestor of the roots (a file's folder). */
    static Path baseOf(List<Path> roots) {
        Path common = null;
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            Path folder = java.nio.file.Files.isDirectory(abs) || abs.getParent() == null ? abs : abs.getParent();
            if (common == null) {
                common = folder;
            } else {
                while (!folder.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }

    Path base() {
        return base;
    }

    ReportModel run() throws InterruptedException, ConfigFile.InvalidConfigException {
        long walkStart = System.nanoTime();
        SourceWalker.Result walk = new SourceWalker(request.useGitignore(), request.includeTarget(), request.followLinks())
                .walk(request.roots());
        walkSeconds = (System.nanoTime() - walkStart) / 1e9;
        loadConfigs(walk.files());
        ReportAssembler assembler = new ReportAssembler();
        for (SourceWalker.Problem p : walk.problems()) {
            assembler.addSkipped(new SkippedFile(builder.relative(p.path()), p.reason(), p.detail()));
        }
        // Two passes over the files, each streaming: first every file's declarations go into the
        // workspace index (unsafe fns, static muts, pointer fields, ...), then every file is analyzed
        // against the complete index. Neither pass keeps a tree or a text beyond its file.
        // The crate graph: the dependencies' declarations go into the index too (not analyzed), so
        // that calls into them (`libc::mmap`) are resolved.
        long graphStart = System.nanoTime();
        graph = CrateGraph.discover(request.roots(), request.useCargo(), request.cargo());
        Set<Path> scannedCrates = new java.util.HashSet<>();
        walk.files().forEach(f -> scannedCrates.add(manifests.crateOf(f).root()));
        List<CrateGraph.Package> packages = graph.packagesToIndex(request.std(), scannedCrates::contains);
        List<DependencyScan.Package> dependencyScan = request.deps()
                ? DependencyScan.packages(graph, scannedCrates::contains, manifests) : List.of();
        graphSeconds = (System.nanoTime() - graphStart) / 1e9;
        int dependencyFiles = dependencyScan.stream().mapToInt(p -> p.libFiles().size()).sum();
        ScanProgress progress = request.progress().create(2 * walk.files().size() + dependencyFiles);
        SourceReader reader = new SourceReader(request.maxFileSize());
        Analyzer analyzer = (request.analyzer() != null ? request.analyzer() : new Analyzer()).keepingCodeTokens();
        WorkspaceIndex index = WorkspaceIndex.empty();
        Map<Path, Map<String, Path>> names = graph.dependencyNames(request.std());
        if (request.std().found()) {
            index.setStandardLibrary(request.std().namesForCrates());
        }
        index.setDependencies(names);
        index.setDevDependencies(graph.devDependencies());
        // the target's cfg and each package's features: lookups prefer what the compiler compiles
        dev.unsafehints.workspace.CfgEnvironment host = dev.unsafehints.workspace.CfgEnvironment.of(request.cargo().target());
        CrateGraph cfgGraph = graph;
        index.setCfgEnvironments(root -> host.withFeatures(cfgGraph.featuresOf(root)));
        // crates that others name keep their declarations to the end of the scan (the standard
        // library scanned as a workspace: `std`'s files need `core`'s after `core` is done)
        Set<Path> named = new java.util.HashSet<>();
        names.values().forEach(m -> named.addAll(m.values()));
        if (request.std().found()) {
            named.addAll(request.std().namesForCrates().values());
        }
        Set<Path> unreadable = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, request.jobs()),
                r -> DeepStack.thread(r, "scan-worker")); // deep trees need deep stacks
        Watchdog watchdog = new Watchdog(request.fileTimeLimit());
        dependencyWatchdog = watchdog;
        try {
            // Two passes, each over all files at once so that both cores stay busy to the end: first
            // every file's declarations go into the index (a declarations-only parse), then every
            // file is analyzed against the complete index. The index only ever answers questions
            // about the crate of the file being analyzed, so a crate's declarations are dropped as
            // soon as its last file is analyzed.
            long start = System.nanoTime();
            forEach(pool, walk.files(), file -> {
                indexFile(file, reader, index, assembler, unreadable, watchdog);
                progress.fileDone();
            });
            dependencies = new DependencyIndexer(request.cache(), watchdog)
                    .index(packages, pkg -> DependencyIndexer.crateOf(pkg, manifests), index, pool);
            indexSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            Map<Path, java.util.concurrent.atomic.AtomicInteger> filesLeft = new java.util.HashMap<>();
            List<List<Path>> crates = byCrate(walk.files());
            Map<Path, List<Path>> crateOfFile = new java.util.HashMap<>();
            for (List<Path> crateFiles : crates) {
                java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(crateFiles.size());
                for (Path file : crateFiles) {
                    filesLeft.put(file, left);
                    crateOfFile.put(file, crateFiles);
                }
            }
            forEach(pool, walk.files(), file -> {
                if (!unreadable.contains(file)) {
                    scanFile(file, reader, analyzer, index, assembler, watchdog);
                }
                if (filesLeft.get(file).decrementAndGet() == 0
                        && !named.contains(manifests.crateOf(file).root())) {
                    crateOfFile.get(file).forEach(index::remove);
                }
                progress.fileDone();
            });
            analysisSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            analyseDependencies(dependencyScan, pool, reader, analyzer, index, assembler, watchdog, progress);
            dependencySeconds = (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
            watchdog.close();
            progress.finish();
        }
        crates.values().forEach(assembler::addCrate);
        // each site compiled or not for the host target with the package's resolved features
        Map<String, dev.unsafehints.workspace.CfgEnvironment> byKey = new java.util.HashMap<>();
        crates.forEach((root, source) -> byKey.put(source.key(), host.withFeatures(graph.featuresOf(root))));
        for (DependencyScan.Package dep : dependencyScan) {
            byKey.put(dep.source().key(), host.withFeatures(graph.featuresOf(dep.pkg().root())));
        }
        if (request.deps()) {
            Map<Path, String> keys = new java.util.HashMap<>();
            crates.forEach((root, source) -> keys.put(root, source.key()));
            dependencyScan.forEach(dep -> keys.put(dep.pkg().root(), dep.source().key()));
            assembler.setDependencyTree(DependencyScan.tree(graph, keys));
        }
        assembler.setCfgEnvironments(key -> byKey.getOrDefault(key, host));
        ScanInfo scan = new ScanInfo(request.rootsAsGiven(), base.toUri().toASCIIString(), request.automationId(),
                internalErrors.get(), new ScanInfo.StandardLibrary(
                        request.std().found() ? request.std().library().toString() : null, request.std().origin()));
        return assembler.assemble(ToolInfo.of(ToolVersion.version()), scan, request.baseline());
    }

    /** The files grouped by crate, in walk order (files outside any crate form one group). */
    private List<List<Path>> byCrate(List<Path> files) {
        Map<Path, List<Path>> groups = new java.util.LinkedHashMap<>();
        for (Path file : files) {
            CrateInfo crate = manifests.crateOf(file);
            groups.computeIfAbsent(crate.root() == null ? Path.of("") : crate.root(), k -> new ArrayList<>()).add(file);
        }
        return new ArrayList<>(groups.values());
    }

    private void forEach(ExecutorService pool, List<Path> files, java.util.function.Consumer<Path> work)
            throws InterruptedException {
        List<Future<?>> pending = new ArrayList<>(files.size());
        for (Path file : files) {
            pending.add(pool.submit(() -> work.accept(file)));
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                internalErrors.set(true); // the work catches everything; this is a last resort
            }
        }
    }

    /** Pass one: the file's declarations into the index; files that cannot be read are listed once, here. */
    private void indexFile(Path file, SourceReader reader, WorkspaceIndex index, ReportAssembler assembler,
                           Set<Path> unreadable, Watchdog watchdog) {
        SourceReader.Outcome read = reader.read(file);
        if (!read.isOk()) {
            unreadable.add(file);
            assembler.addSkipped(new SkippedFile(builder.relative(file), read.reason(), read.detail()));
            return;
        }
        try {
            CrateInfo crate = manifests.crateOf(file);
            index.update(crate, watchdog.call(() -> {
                RustParsing.Lexed parse = RustParsing.parseDeclarationsKeepingTokens(read.text(), crate.edition());
                lexedFiles.offer(file, parse.lexed());
                return FileDeclarations.read(file, crate, read.text(), parse.parsed());
            }));
        } catch (Watchdog.TimedOut | RuntimeException | StackOverflowError e) {
            // The file is still analyzed in pass two, which reports the failure; only its declarations are missing.
        }
    }

    private void scanFile(Path file, SourceReader reader, Analyzer analyzer, WorkspaceIndex index,
                          ReportAssembler assembler, Watchdog watchdog) {
        String relative = builder.relative(file);
        try {
            SourceReader.Outcome read = reader.read(file);
            if (!read.isOk()) {
                assembler.addSkipped(new SkippedFile(relative, read.reason(), read.detail()));
                return;
            }
            CrateInfo crate = manifests.crateOf(file);
            CrateSource source = crateSource(crate);
            LexedSource lexed = lexedFiles.take(file);
            FileAnalysis analysis = watchdog.call(() -> analyzer.analyze(new SourceDocument(file, read.text(), crate),
                    settingsFor(crate), index, lexed));
            // a file placed by `#[path]` (also under `cfg_attr`) is the module that declares it, under
            // that declaration's cfg: the index follows the module tree, the layout cannot
            List<String> conditions = index.declarationsOf(crate, file, read.text())
                    .map(d -> index.crate(crate, d).fileConditions(file)).orElse(List.of());
            FileReport report = builder.build(analysis, source.key(), String.join("::", ModulePaths.of(file, crate)),
                    ModulePaths.isTestTarget(file, crate));
            if (conditions.isEmpty()) {
                assembler.addFile(report);
            } else {
                assembler.addFileWithModuleCfg(report.withOuterCfg(conditions));
            }
        } catch (Watchdog.TimedOut slow) {
            assembler.addSkipped(new SkippedFile(relative, SkippedFile.Reason.TIMED_OUT, slow.getMessage()
                    + "; raise it with --file-time-limit, and please report the file"));
        } catch (RuntimeException | StackOverflowError e) {
            if (System.getenv("UNSAFE_HINTS_DEBUG") != null) {
                e.printStackTrace(); // for bug reports: the whole trace, on request
            }
            internalErrors.set(true);
            assembler.addSkipped(new SkippedFile(relative, SkippedFile.Reason.INTERNAL_ERROR,
                    "analysis failed: " + e + " (please report this)"));
        }
    }

    /**
     * scan --deps: each dependency's files analysed, or its result read from the cache of an earlier
     * scan of the same sources in the same configuration (and written there after).
     */
    private void analyseDependencies(List<DependencyScan.Package> packages, ExecutorService pool, SourceReader reader,
                                     Analyzer analyzer, WorkspaceIndex index, ReportAssembler assembler,
                                     Watchdog watchdog, ScanProgress progress) throws InterruptedException {
        DependencyReportCache cache = new DependencyReportCache(request.cache());
        String std = request.std().found() ? request.std().library().toString() : null;
        List<Path> files = new ArrayList<>();
        Map<Path, DependencyScan.Package> packageOfFile = new java.util.HashMap<>();
        Map<DependencyScan.Package, String> keys = new java.util.HashMap<>();
        Map<String, DependencyReportCache.Entry> results = new ConcurrentHashMap<>();
        Set<Path> counted = new java.util.HashSet<>();
        for (DependencyScan.Package dep : packages) {
            String key = DependencyReportCache.keyOf(dep.pkg(), dep.libFiles(), graph, std, request.settings(),
                    dep.testOnly());
            Optional<DependencyReportCache.Entry> cached = cache.read(key);
            UnsafeCodePolicy policy = cached.map(DependencyReportCache.Entry::policy)
                    .orElseGet(() -> UnsafeCodePolicies.of(dep.crate()));
            assembler.addDependency(dep.withPolicy(policy));
            if (cached.isPresent()) {
                cached.get().files().forEach(assembler::addDependencyFile);
                cached.get().skipped().forEach(s -> assembler.addDependencySkipped(dep.source().key(), s));
                dep.libFiles().forEach(f -> progress.fileDone());
                dependenciesFromCache++;
                continue;
            }
            keys.put(dep, key);
            results.put(dep.source().key(), new DependencyReportCache.Entry(
                    java.util.Collections.synchronizedList(new ArrayList<>()),
                    java.util.Collections.synchronizedList(new ArrayList<>()), policy));
            for (Path file : dep.files()) {
                if (packageOfFile.putIfAbsent(file, dep) == null) {
                    files.add(file);
                }
            }
            for (Path file : dep.libFiles()) {
                if (!packageOfFile.containsKey(file) || !counted.add(file)) {
                    progress.fileDone(); // not analysed here, or counted twice in the total
                }
            }
        }
        forEach(pool, files, file -> {
            DependencyScan.Package dep = packageOfFile.get(file);
            scanDependencyFile(dep, file, reader, analyzer, index, results.get(dep.source().key()));
            if (counted.contains(file)) { // the progress counts the library folders' files, listed before
                progress.fileDone();
            }
        });
        keys.forEach((dep, key) -> {
            DependencyReportCache.Entry entry = results.get(dep.source().key());
            entry.files().forEach(assembler::addDependencyFile);
            entry.skipped().forEach(s -> assembler.addDependencySkipped(dep.source().key(), s));
            boolean complete = entry.skipped().stream().noneMatch(s -> s.reason() == SkippedFile.Reason.TIMED_OUT
                    || s.reason() == SkippedFile.Reason.INTERNAL_ERROR);
            if (complete) { // a timeout may not happen next time: only whole results are kept
                cache.write(key, new DependencyReportCache.Entry(List.copyOf(entry.files()), List.copyOf(entry.skipped()),
                        entry.policy()));
            }
        });
    }

    /**
     * A dependency's file (scan --deps): analysed like the workspace's against the same index, with
     * the command line's settings (not the package's own configuration), its path relative to the
     * package's root. A failure here lists the file and changes no exit code.
     */
    private void scanDependencyFile(DependencyScan.Package dep, Path file, SourceReader reader, Analyzer analyzer,
                                       WorkspaceIndex index, DependencyReportCache.Entry into) {
        String key = dep.source().key();
        String relative = dep.builder().relative(file);
        try {
            SourceReader.Outcome read = reader.read(file);
            if (!read.isOk()) {
                into.skipped().add(new SkippedFile(relative, read.reason(), read.detail()));
                return;
            }
            FileAnalysis analysis = dependencyWatchdog.call(() -> analyzer.analyze(new SourceDocument(file,
                    read.text(), dep.crate()), request.settings(), index));
            String module = String.join("::", ModulePaths.of(file, dep.crate()));
            into.files().add(dep.builder().build(analysis, key, module, dep.testOnly()));
        } catch (Watchdog.TimedOut slow) {
            into.skipped().add(new SkippedFile(relative, SkippedFile.Reason.TIMED_OUT, slow.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            into.skipped().add(new SkippedFile(relative, SkippedFile.Reason.INTERNAL_ERROR,
                    "analysis failed: " + e + " (please report this)"));
        }
    }

    private CrateSource crateSource(CrateInfo crate) {
        Path key = crate.root() == null ? Path.of("") : crate.root();
        return crates.computeIfAbsent(key, k -> {
            if (crate.root() == null) {
                return new CrateSource("(no crate)", "", "", crate.edition().year(), ".",
                        UnsafeCodePolicy.UNKNOWN);
            }
            String root = builder.relative(crate.root());
            boolean std = request.std().found() && crate.root().startsWith(request.std().library().toAbsolutePath().normalize());
            return new CrateSource(root, crate.name(), crate.version(), crate.edition().year(), root,
                    UnsafeCodePolicies.of(crate), std ? "std" : "workspace");
        });
    }

    private final java.util.Map<java.nio.file.Path, AnalysisSettings> settingsByCrate =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** What the config files hold that is not understood (unknown keys and rule ids), one line each. */
    final List<String> configWarnings = new ArrayList<>();

    /**
     * Reads the `unsafe-hints.toml` of every crate scanned before anything is analyzed: a file that
     * cannot be read as configuration stops the scan (a CI gate must not quietly disappear); what
     * it holds that is not understood goes to {@link #configWarnings}, once per file.
     */
    private void loadConfigs(List<Path> files) throws ConfigFile.InvalidConfigException {
        Map<Path, ConfigFile.Loaded> loaded = new java.util.HashMap<>();
        for (Path file : files) {
            CrateInfo crate = manifests.crateOf(file);
            if (crate.root() == null || settingsByCrate.containsKey(crate.root())) {
                continue;
            }
            AnalysisSettings settings = request.settings();
            for (Path folder = crate.root(); folder != null; folder = folder.getParent()) {
                Path config = folder.resolve(ConfigFile.FILE_NAME);
                if (java.nio.file.Files.isRegularFile(config)) {
                    ConfigFile.Loaded read = loaded.get(config);
                    if (read == null) {
                        String shown = DisplayPaths.of(config);
                        try {
                            read = ConfigFile.read(config);
                        } catch (ConfigFile.InvalidConfigException e) {
                            throw new ConfigFile.InvalidConfigException(shown, e.problem());
                        }
                        loaded.put(config, read);
                        for (ConfigFile.Problem w : read.warnings()) {
                            configWarnings.add(w.describeWarning(shown));
                        }
                    }
                    settings = read.settings().overriddenBy(request.settings().severities(), Map.of());
                    break;
                }
            }
            settingsByCrate.put(crate.root(), settings);
        }
    }

    /**
     * The settings for a crate's files: its `unsafe-hints.toml` (at the crate root, else the nearest
     * folder above it that has one), with the command line's `--severity` options on top.
     */
    private AnalysisSettings settingsFor(CrateInfo crate) {
        if (crate.root() == null) {
            return request.settings();
        }
        return settingsByCrate.getOrDefault(crate.root(), request.settings());
    }
}
