package dev.unsafehints.cli;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.config.ConfigFile;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.engine.DependencyIndexer;
import dev.unsafehints.workspace.DeclarationsCache;
import dev.unsafehints.workspace.StdSources;
import dev.unsafehints.report.Baseline;
import dev.unsafehints.report.HtmlReportWriter;
import dev.unsafehints.report.JsonReportWriter;
import dev.unsafehints.report.Levels;
import dev.unsafehints.report.MarkdownReportWriter;
import dev.unsafehints.report.ReportFormat;
import dev.unsafehints.report.ReportModel;
import dev.unsafehints.report.SkippedFile;
import dev.unsafehints.report.ReportWriter;
import dev.unsafehints.report.SarifReportWriter;
import dev.unsafehints.report.Site;
import dev.unsafehints.report.TextReportWriter;
import dev.unsafehints.rules.RuleCatalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unsafe-hints scan}: the headless scanner for CI, code review and teaching. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Scan Rust sources for unsafe code and report it as text, JSON, SARIF, Markdown or HTML.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:clean: nothing reported at or above --fail-on, and no more new findings than --max-new",
            "1:findings over the threshold (--fail-on, --max-new)",
            "2:usage error (bad option, missing path, no Rust files, unreadable baseline or unsafe-hints.toml)",
            "3:I/O or internal error (report not written, analysis failed on a file)"})
public final class ScanCommand implements Callable<Integer> {
    /** The levels of {@code --fail-on}: a finding at this level or louder fails the scan (NONE: none does). */
    public enum FailOn {
        ERROR, WARNING, NOTE, HINT, NONE;

        /** The level names and their aliases, as everywhere ({@link Severity#parse}); none and off fail on nothing. */
        static final class Converter implements picocli.CommandLine.ITypeConverter<FailOn> {
            @Override
            public FailOn convert(String value) {
                try {
                    return switch (Severity.parse(value)) {
                        case ERROR -> ERROR;
                        case WARNING -> WARNING;
                        case INFO -> NOTE;
                        case HINT -> HINT;
                        case OFF -> NONE;
                    };
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.TypeConversionException(e.getMessage());
                }
            }
        }
    }

    /** When to colour the text report. */
    public enum ColorMode { AUTO, ALWAYS, NEVER }

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders to scan (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text, json, sarif, markdown or html (default: from the extension of -o's FILE, .json,"
                    + " .sarif, .md or .html, else text).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    /** --format, else the one -o's file name asks for (`-o report.html` is HTML, not text in a .html file). */
    ReportFormat format() {
        if (format != null) {
            return format;
        }
        String name = output == null || output.getFileName() == null ? ""
                : output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return ReportFormat.JSON;
        } else if (name.endsWith(".sarif")) {
            return ReportFormat.SARIF;
        } else if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return ReportFormat.MARKDOWN;
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            return ReportFormat.HTML;
        }
        return ReportFormat.TEXT;
    }

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Files analyzed in parallel (default: all cores).")
    Integer jobs;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "An earlier JSON or SARIF report of unsafe-hints: report only sites that are new or changed since.")
    Path baseline;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.Converter.class,
            description = "Exit with 1 when a reported finding has this level or higher: error (default), warning,"
                    + " note, hint, or none.")
    FailOn failOn = FailOn.ERROR;

    @Option(names = "--max-new", paramLabel = "N",
            description = "Exit with 1 when more than N findings are reported as new (all findings without --baseline).")
    Integer maxNew;

    @Option(names = "--no-ignore", description = "Also scan what .gitignore files ignore.")
    boolean noIgnore;

    @Option(names = "--include-target", description = "Also scan target/ folders (skipped by default).")
    boolean includeTarget;

    @Option(names = "--follow-links", description = "Follow symbolic links that lead outside the scanned folders"
            + " (by default they are listed as skipped, so that a link in an untrusted checkout cannot pull"
            + " another file of the machine into a report).")
    boolean followLinks;

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSize.class,
            description = "Skip files larger than this (default: 10M).")
    long maxFileSize = 10L * 1024 * 1024;

    @Option(names = "--file-time-limit", paramLabel = "SECONDS",
            description = "Stop a file's analysis after this many seconds and list the file as skipped (default: 60).")
    double fileTimeLimit = 60;

    @Option(names = "--no-cargo",
            description = "Do not run `cargo metadata` to find the dependencies (by default it runs, offline, in each"
                    + " folder scanned, and runs what the project's .cargo/config.toml names, such as a rustc wrapper);"
                    + " read Cargo.lock and the sources on disk instead.")
    boolean noCargo;

    @Option(names = "--deps",
            description = "Also scan the dependencies' unsafe code (every package the scanned crates reach through"
                    + " normal dependencies, as cargo-geiger): a table per package and the dependency tree in every"
                    + " format, their sites in JSON and HTML. Exit code, totals, --baseline and SARIF stay the"
                    + " workspace's own.")
    boolean deps;

    @Option(names = "--target", paramLabel = "TRIPLE",
            description = "Resolve the dependencies and evaluate cfg for this target (default: the host), as cargo's --target.")
    String target;

    @Option(names = {"-F", "--features"}, paramLabel = "FEATURES", split = ",",
            description = "Features of the scanned packages to enable (comma-separated or repeated), as cargo's.")
    List<String> features = new ArrayList<>();

    @Option(names = "--all-features", description = "Enable every feature of the scanned packages, as cargo's.")
    boolean allFeatures;

    @Option(names = "--no-default-features", description = "Leave the default feature off, as cargo's.")
    boolean noDefaultFeatures;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where the declarations of the dependencies and of the standard library are kept between"
                    + " runs (default: $XDG_CACHE_HOME/unsafe-hints/declarations, else ~/.cache/unsafe-hints/declarations).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the declarations cache.")
    boolean noCache;

    @Option(names = "--rust-src", paramLabel = "DIR",
            description = "The standard library's sources (the `library` folder of the rust-src component), whose"
                    + " declarations say which std, core, alloc and core::arch functions are unsafe (default:"
                    + " RUST_SRC_PATH, else $(rustc --print sysroot)/lib/rustlib/src/rust/library; without them a"
                    + " built-in list of the common ones is used).")
    Path rustSrc;

    @Option(names = "--color", paramLabel = "WHEN", description = "Colour the text report: auto (default; off with NO_COLOR or when not a terminal), always, never.")
    ColorMode color = ColorMode.AUTO;

    @Option(names = "--severity", paramLabel = "RULE=LEVEL",
            description = "Override a rule's level: error, warning, note, hint or off (repeatable).")
    Map<String, String> severities = new LinkedHashMap<>();

    @Option(names = "--automation-id", paramLabel = "ID",
            description = "SARIF runs[0].automationDetails.id (default: ${DEFAULT-VALUE}).")
    String automationId = "unsafe-hints/";

    @Option(names = "--min-level", paramLabel = "LEVEL", description = "Text report: list only findings at or above"
            + " this level, hint (default: every finding), note, warning or error; the others are counted.")
    String minLevel = "hint";

    @Option(names = "--repo-url", paramLabel = "URL", description = "Web address of the repository, for links from"
            + " the Markdown report's locations to the file and line (default: the git remote `origin` of the scanned"
            + " folder, when it is an http(s) or GitHub-style ssh address).")
    String repoUrl;

    @Option(names = "--repo-ref", paramLabel = "REF", description = "Commit or branch the Markdown report's links"
            + " point at (default: the commit checked out in the scanned folder).")
    String repoRef;

    @Option(names = "--timings", hidden = true, description = "Print the time of each phase to standard error.")
    boolean timings;

    /** The analysis to run; tests may give one with their own rules. */
    Analyzer analyzer;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            return scan().code();
        } catch (UsageException e) {
            err.println("unsafe-hints scan: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("unsafe-hints scan: " + e.getMessage());
            return ExitCode.ERROR.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.ERROR.code();
        } catch (RuntimeException e) {
            err.println("unsafe-hints scan: internal error: " + e);
            return ExitCode.ERROR.code();
        }
    }

    private ExitCode scan() throws IOException, InterruptedException, UsageException {
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path root : roots) {
            if (!Files.exists(root) && !Files.isSymbolicLink(root)) {
                throw new UsageException("no such file or folder: " + root);
            }
        }
        if (!(fileTimeLimit > 0)) {
            throw new UsageException("--file-time-limit must be more than 0 seconds");
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be at least 1");
        }
        if (maxNew != null && maxNew < 0) {
            throw new UsageException("--max-new must be 0 or more");
        }
        Severity lowestListed = minLevel();
        AnalysisSettings settings = settings();
        Optional<Baseline> base = Optional.empty();
        if (baseline != null) {
            try {
                base = Optional.of(Baseline.read(baseline));
            } catch (IOException e) {
                throw new UsageException("cannot read baseline " + baseline + ": " + SourceWalker.reason(e));
            } catch (Baseline.BadBaselineException e) {
                throw new UsageException(e.getMessage());
            }
        }
        boolean progressWanted = ScanProgress.terminalAttached();
        ScanRunner.Request request = new ScanRunner.Request(roots, roots.stream().map(Path::toString).toList(),
                !noIgnore, includeTarget, maxFileSize, java.time.Duration.ofMillis(Math.round(fileTimeLimit * 1000)), !noCargo,
                jobs != null ? jobs : Runtime.getRuntime().availableProcessors(),
                settings, automationId, base, n -> new ScanProgress(err, n, progressWanted), analyzer,
                stdSources(), noCache ? DeclarationsCache.NONE
                : DeclarationsCache.in(cacheDir != null ? cacheDir : DeclarationsCache.defaultFolder(System.getenv())),
                new dev.unsafehints.workspace.CargoOptions(target, features, allFeatures, noDefaultFeatures), deps,
                followLinks);
        long start = System.nanoTime();
        ScanRunner runner = new ScanRunner(request);
        ReportModel model;
        try {
            model = runner.run();
        } catch (ConfigFile.InvalidConfigException e) {
            throw new UsageException(e.getMessage());
        } finally {
            for (String warning : runner.configWarnings) {
                err.println(warning);
            }
        }
        double scanned = (System.nanoTime() - start) / 1e9;
        for (String problem : runner.graph.problems()) {
            err.println("unsafe-hints scan: " + problem);
        }
        if (!request.std().found()) {
            err.println("unsafe-hints scan: the standard library's sources were not found (" + request.std().origin()
                    + "): its unsafe functions are known from a built-in list of the common ones; set RUST_SRC_PATH"
                    + " or run `rustup component add rust-src`");
        }
        write(model, lowestListed);
        if (timings) {
            Runtime rt = Runtime.getRuntime();
            err.println("timings: jvm options " + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            err.printf(java.util.Locale.ROOT, "timings: dependencies indexed %d (%d from the cache)%n",
                    runner.dependencies.size(), runner.dependencies.stream().filter(DependencyIndexer.Outcome::fromCache).count());
            if (deps) {
                err.printf(java.util.Locale.ROOT, "timings: dependencies analysed %.2fs (%d packages, %d from the cache)%n",
                        runner.dependencySeconds, model.dependencies().crates().size(), runner.dependenciesFromCache);
            }
            err.printf(java.util.Locale.ROOT, "timings: crate graph %.2fs (%d dependencies), walk %.2fs, index %.2fs, analysis %.2fs, scan %.2fs, write %.2fs; heap used %d MB%n",
                    runner.graphSeconds, runner.graph.directDependencies().size(), runner.walkSeconds,
                    runner.indexSeconds, runner.analysisSeconds, scanned, (System.nanoTime() - start) / 1e9 - scanned,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
        if (model.files().isEmpty()
                && model.skipped().stream().allMatch(s -> s.reason() == SkippedFile.Reason.NOT_RUST)) {
            err.println("unsafe-hints scan: no Rust files under " + String.join(", ", roots.stream()
                    .map(Path::toString).toList()));
            return ExitCode.USAGE;
        }
        if (model.scan().internalErrors()) {
            err.println("unsafe-hints scan: the analysis failed on some files; they are listed as skipped");
            return ExitCode.ERROR;
        }
        return exitCodeFor(model, failOn, maxNew);
    }

    /** The standard library's sources: --rust-src, else as rust-analyzer finds them. */
    private StdSources stdSources() throws UsageException {
        if (rustSrc == null) {
            return StdSources.locate(System.getenv());
        }
        StdSources given = StdSources.locate(Map.of("RUST_SRC_PATH", rustSrc.toString()));
        if (!given.found()) {
            throw new UsageException("--rust-src " + rustSrc + " holds no core/src/lib.rs (give the `library` folder"
                    + " of the Rust sources)");
        }
        return new StdSources(given.library(), "--rust-src");
    }

    /** 1 when a reported site reaches the --fail-on level or more than --max-new are new; else 0. */
    static ExitCode exitCodeFor(ReportModel model, FailOn failOn, Integer maxNew) {
        List<Site> reported = model.reportedSites();
        int threshold = switch (failOn) {
            case ERROR -> Levels.rank(Severity.ERROR);
            case WARNING -> Levels.rank(Severity.WARNING);
            case NOTE -> Levels.rank(Severity.INFO);
            case HINT -> Levels.rank(Severity.HINT);
            case NONE -> Integer.MAX_VALUE;
        };
        boolean overLevel = reported.stream().anyMatch(s -> Levels.rank(s.severity()) >= threshold);
        boolean overCount = maxNew != null && reported.size() > maxNew;
        return overLevel || overCount ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }

    private AnalysisSettings settings() throws UsageException {
        Map<String, Severity> overrides = new HashMap<>();
        for (Map.Entry<String, String> e : severities.entrySet()) {
            if (RuleCatalog.byId(e.getKey()).isEmpty()) {
                throw new UsageException("unknown rule '" + e.getKey() + "' in --severity"
                        + dev.unsafehints.rules.RuleNames.suggestion(e.getKey()).map(s -> "; did you mean " + s + "?")
                        .orElse(""));
            }
            try {
                overrides.put(e.getKey(), Severity.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new UsageException(ex.getMessage());
            }
        }
        return AnalysisSettings.DEFAULT.overriddenBy(overrides, Map.of());
    }

    private void write(ReportModel model, Severity lowestListed) throws IOException {
        boolean toFile = output != null;
        ReportWriter writer = switch (format()) {
            case TEXT -> new TextReportWriter(useColor(toFile), DisplayPaths.forScan(
                    paths.isEmpty() ? List.of(Path.of(".")) : paths), lowestListed);
            case JSON -> new JsonReportWriter();
            case SARIF -> new SarifReportWriter();
            case MARKDOWN -> new MarkdownReportWriter(RepositoryLinks.resolve(baseFolder(model), repoUrl, repoRef, err));
            case HTML -> new HtmlReportWriter();
        };
        if (toFile) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                writer.write(model, w);
            } catch (IOException e) {
                throw new IOException("cannot write " + output + ": " + SourceWalker.reason(e), e);
            }
        } else {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(model, w);
            w.flush();
            // A reader that stopped reading (`scan | head`) closes the pipe: a normal end, as for
            // other command-line tools, so nothing is said and the exit code is the scan's.
        }
    }

    private Severity minLevel() throws UsageException {
        try {
            Severity level = Severity.parse(minLevel);
            if (level == Severity.OFF) {
                throw new IllegalArgumentException("--min-level off");
            }
            return level;
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --min-level '" + minLevel + "' (expected hint, note, warning or error)");
        }
    }

    /** The folder the report's paths are relative to. */
    private Path baseFolder(ReportModel model) {
        try {
            return Path.of(java.net.URI.create(model.scan().baseUri()));
        } catch (RuntimeException e) {
            return paths.isEmpty() ? Path.of(".") : paths.get(0);
        }
    }

    private boolean useColor(boolean toFile) {
        return switch (color) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> !toFile && System.console() != null && !noColorRequested()
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** NO_COLOR (https://no-color.org): any non-empty value turns automatic colour off. */
    private static boolean noColorRequested() {
        String v = System.getenv("NO_COLOR");
        return v != null && !v.isEmpty();
    }

    /** A problem with what the user asked for: exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
