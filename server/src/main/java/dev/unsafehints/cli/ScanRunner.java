package dev.unsafehints.cli;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Analyzer;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.parse.SourceDocument;
import dev.unsafehints.report.Baseline;
import dev.unsafehints.report.CrateSource;
import dev.unsafehints.report.FileReport;
import dev.unsafehints.report.FileReportBuilder;
import dev.unsafehints.report.ReportAssembler;
import dev.unsafehints.report.ReportModel;
import dev.unsafehints.report.ScanInfo;
import dev.unsafehints.report.SkippedFile;
import dev.unsafehints.report.ToolInfo;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                   long maxFileSize, int jobs, AnalysisSettings settings, String automationId,
                   Optional<Baseline> baseline, ScanProgressFactory progress, Analyzer analyzer) {
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

    ReportModel run() throws InterruptedException {
        SourceWalker.Result walk = new SourceWalker(request.useGitignore(), request.includeTarget()).walk(request.roots());
        ReportAssembler assembler = new ReportAssembler();
        for (SourceWalker.Problem p : walk.problems()) {
            assembler.addSkipped(new SkippedFile(builder.relative(p.path()), p.reason(), p.detail()));
        }
        ScanProgress progress = request.progress().create(walk.files().size());
        SourceReader reader = new SourceReader(request.maxFileSize());
        Analyzer analyzer = request.analyzer() != null ? request.analyzer() : new Analyzer();
        WorkspaceIndex index = WorkspaceIndex.empty();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, request.jobs()), r -> {
            Thread t = new Thread(null, r, "scan-worker", 64L * 1024 * 1024); // deep trees need deep stacks
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pending = new ArrayList<>(walk.files().size());
            for (Path file : walk.files()) {
                pending.add(pool.submit(() -> {
                    scanFile(file, reader, analyzer, index, assembler);
                    progress.fileDone();
                }));
            }
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    internalErrors.set(true); // scanFile catches everything; this is a last resort
                }
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        crates.values().forEach(assembler::addCrate);
        ScanInfo scan = new ScanInfo(request.rootsAsGiven(), base.toUri().toASCIIString(), request.automationId(),
                internalErrors.get());
        return assembler.assemble(ToolInfo.of(VersionProvider.version()), scan, request.baseline());
    }

    private void scanFile(Path file, SourceReader reader, Analyzer analyzer, WorkspaceIndex index,
                          ReportAssembler assembler) {
        String relative = builder.relative(file);
        try {
            SourceReader.Outcome read = reader.read(file);
            if (!read.isOk()) {
                assembler.addSkipped(new SkippedFile(relative, read.reason(), read.detail()));
                return;
            }
            CrateInfo crate = manifests.crateOf(file);
            CrateSource source = crateSource(crate);
            FileAnalysis analysis = analyzer.analyze(new SourceDocument(file, read.text(), crate), request.settings(), index);
            ModulePath module = ModulePath.of(crate, file, base);
            assembler.addFile(builder.build(analysis, source.key(), module.path(), module.testOnly()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            internalErrors.set(true);
            assembler.addSkipped(new SkippedFile(relative, SkippedFile.Reason.INTERNAL_ERROR,
                    "analysis failed: " + e + " (please report this)"));
        }
    }

    private CrateSource crateSource(CrateInfo crate) {
        Path key = crate.root() == null ? Path.of("") : crate.root();
        return crates.computeIfAbsent(key, k -> {
            if (crate.root() == null) {
                return new CrateSource("(no crate)", "", "", crate.edition().year(), ".",
                        dev.unsafehints.report.UnsafeCodePolicy.UNKNOWN);
            }
            String root = builder.relative(crate.root());
            return new CrateSource(root, crate.name(), crate.version(), crate.edition().year(), root,
                    UnsafeCodePolicies.of(crate));
        });
    }
}
