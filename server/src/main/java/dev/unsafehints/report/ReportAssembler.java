package dev.unsafehints.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects file reports as workers finish them (thread-safe) and assembles the {@link ReportModel}:
 * files sorted by path, cfg conditions of out-of-line modules carried into their files, the
 * baseline applied, and crate rows summed.
 */
public final class ReportAssembler {
    private final Map<String, CrateSource> crates = new LinkedHashMap<>();
    private final List<FileReport> files = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final Map<String, CrateSource> dependencyCrates = new LinkedHashMap<>();
    private final List<FileReport> dependencyFiles = new ArrayList<>();
    private final List<DependencyReport.Skipped> dependencySkipped = new ArrayList<>();
    private DependencyTree tree = DependencyTree.EMPTY;
    private boolean dependenciesScanned;

    /** A package of the graph whose files are scanned too ({@code scan --deps}). */
    public synchronized void addDependency(CrateSource crate) {
        dependenciesScanned = true;
        dependencyCrates.putIfAbsent(crate.key(), crate);
    }

    /** A dependency's file: its path is relative to its package's root. */
    public synchronized void addDependencyFile(FileReport file) {
        dependencyFiles.add(file);
    }

    public synchronized void addDependencySkipped(String crateKey, SkippedFile file) {
        dependencySkipped.add(new DependencyReport.Skipped(crateKey, file));
    }

    /** Marks the report as one of the dependencies too, with the graph as a tree. */
    public synchronized void setDependencyTree(DependencyTree tree) {
        dependenciesScanned = true;
        this.tree = tree;
    }

    public synchronized void addCrate(CrateSource crate) {
        crates.putIfAbsent(crate.key(), crate);
    }

    public synchronized void addFile(FileReport file) {
        files.add(file);
    }

    /**
     * A file whose sites already carry the cfg conditions of its module's declarations (found in
     * the module tree, `#[path]` included): the conditions the report would guess from the
     * parent's `#[cfg] mod name;` by the file's name are not added to it.
     */
    public synchronized void addFileWithModuleCfg(FileReport file) {
        files.add(file);
        moduleCfgKnown.add(file.path());
    }

    private final java.util.Set<String> moduleCfgKnown = new java.util.HashSet<>();

    public synchronized void addSkipped(SkippedFile file) {
        skipped.add(file);
    }

    /** What the cfg conditions of each crate's sites are evaluated in, by crate key. */
    private java.util.function.Function<String, dev.unsafehints.workspace.CfgEnvironment> environments =
            key -> dev.unsafehints.workspace.CfgEnvironment.UNKNOWN;

    /**
     * Says how each crate is compiled (target, features), so that every site is marked compiled or
     * not in this configuration ({@link Site#compiled}); without it, nothing is marked.
     */
    public synchronized void setCfgEnvironments(
            java.util.function.Function<String, dev.unsafehints.workspace.CfgEnvironment> byCrateKey) {
        this.environments = byCrateKey;
    }

    public synchronized ReportModel assemble(ToolInfo tool, ScanInfo scan, Optional<Baseline> baseline) {
        List<FileReport> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileReport::path));
        sorted = ModuleCfg.propagate(sorted, moduleCfgKnown);
        sorted = sorted.stream().map(f -> f.withCompiled(environments.apply(f.crateKey()))).toList();
        Optional<BaselineSummary> summary = Optional.empty();
        if (baseline.isPresent()) {
            Baseline.Result result = baseline.get().apply(sorted);
            sorted = result.files();
            summary = Optional.of(result.summary());
        }
        List<SkippedFile> skippedSorted = new ArrayList<>(skipped);
        skippedSorted.sort(Comparator.comparing(SkippedFile::path));
        return new ReportModel(tool, scan, crateRows(crates, sorted), sorted, skippedSorted, summary, dependencies());
    }

    /** The dependencies' rows and files, each package's files in path order with their module cfgs carried. */
    private DependencyReport dependencies() {
        if (!dependenciesScanned) {
            return DependencyReport.NONE;
        }
        Map<String, List<FileReport>> byCrate = new LinkedHashMap<>();
        for (FileReport f : dependencyFiles) {
            byCrate.computeIfAbsent(f.crateKey(), k -> new ArrayList<>()).add(f);
        }
        List<FileReport> files = new ArrayList<>();
        for (CrateSource c : dependencyCrates.values()) {
            List<FileReport> own = new ArrayList<>(byCrate.getOrDefault(c.key(), List.of()));
            own.sort(Comparator.comparing(FileReport::path));
            for (FileReport f : ModuleCfg.propagate(own, java.util.Set.of())) {
                files.add(f.withCompiled(environments.apply(f.crateKey())));
            }
        }
        List<CrateReport> rows = crateRows(dependencyCrates, files);
        rows.sort(Comparator.comparing(CrateReport::name).thenComparing(CrateReport::version));
        List<DependencyReport.Skipped> skippedSorted = new ArrayList<>(dependencySkipped);
        skippedSorted.sort(Comparator.comparing(DependencyReport.Skipped::crateKey)
                .thenComparing(s -> s.file().path()));
        return new DependencyReport(true, rows, files, skippedSorted, tree);
    }

    private static List<CrateReport> crateRows(Map<String, CrateSource> crates, List<FileReport> sorted) {
        Map<String, List<FileReport>> byCrate = new HashMap<>();
        for (FileReport f : sorted) {
            byCrate.computeIfAbsent(f.crateKey(), k -> new ArrayList<>()).add(f);
        }
        List<CrateReport> rows = new ArrayList<>();
        for (CrateSource c : crates.values()) {
            List<FileReport> own = byCrate.getOrDefault(c.key(), List.of());
            Counts counts = Counts.EMPTY;
            Counts tests = Counts.EMPTY;
            Coverage comments = Coverage.NONE;
            Coverage docs = Coverage.NONE;
            Counts notCompiled = Counts.EMPTY;
            for (FileReport f : own) {
                for (Site s : f.sites()) {
                    if (!s.testOnly() && Boolean.FALSE.equals(s.compiled())) {
                        notCompiled = notCompiled.plus(s.ruleId());
                    }
                }
                counts = counts.plus(f.counts());
                tests = tests.plus(f.testCounts());
                comments = comments.plus(f.safetyComments());
                docs = docs.plus(f.safetyDocs());
            }
            rows.add(new CrateReport(c.key(), c.name(), c.version(), c.edition(), c.root(), c.policy(), own.size(),
                    counts, tests, comments, docs, c.source(), notCompiled));
        }
        rows.sort(Comparator.comparing(CrateReport::root).thenComparing(CrateReport::name));
        return rows;
    }
}
