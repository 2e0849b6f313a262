package dev.unsafehints.cli;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.config.ConfigFile;
import dev.unsafehints.review.Approval;
import dev.unsafehints.review.ReviewException;
import dev.unsafehints.review.ReviewJsonWriter;
import dev.unsafehints.review.ReviewLedger;
import dev.unsafehints.review.ReviewMarkdownWriter;
import dev.unsafehints.review.ReviewReport;
import dev.unsafehints.review.ReviewRequest;
import dev.unsafehints.review.ReviewSarifWriter;
import dev.unsafehints.review.ReviewService;
import dev.unsafehints.review.ReviewTextWriter;
import dev.unsafehints.version.ToolVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code unsafe-hints review}: the unsafe sites the working tree adds or changes relative to a
 * base revision, each with a reviewer checklist, and the review ledger that records approvals.
 */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the unsafe sites that the working tree adds or changes relative to REV (default: the"
                + " merge base of HEAD with origin/HEAD, main or master), each with what a reviewer must check,"
                + " and record approvals in the review ledger.", "",
                "Exit codes: 0 ok; 1 a site lacks an approval that holds (with --fail-on-unreviewed);"
                        + " 2 usage error; 3 I/O or git error.", ""})
public final class ReviewCommand implements Callable<Integer> {
    /** The output formats. */
    enum Format { text, markdown, sarif, json }

    @Option(names = "--since", paramLabel = "REV", description = "Base revision: a branch, tag, commit or HEAD~N.")
    String since;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), markdown (a pull-request comment), sarif (only the changed sites), json.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of"
            + " standard output.")
    Path output;

    @Option(names = "--ledger", paramLabel = "FILE",
            description = "The review ledger (default: " + ReviewLedger.DEFAULT_FILE + " at the repository root).")
    Path ledger;

    @Option(names = "--approve", paramLabel = "SITE", description = "Record an approval for SITE (a site id as"
            + " printed, or a prefix of its hash); repeatable. Needs --note; --by defaults to git's user.name.")
    List<String> approve;

    @Option(names = "--by", paramLabel = "NAME", description = "Who approves (with --approve).")
    String by;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why the site is sound (with --approve).")
    String note;

    @Option(names = "--deps", description = "Also review the dependencies whose version changes in Cargo.lock since"
            + " the base: the unsafe sites each new version adds or changes against the old one (both read from the"
            + " sources on this machine), with their checklists.")
    boolean deps;

    @Option(names = "--fail-on-unreviewed", description = "Exit 1 when a changed site has no approval that holds.")
    boolean failOnUnreviewed;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto (on a terminal, unless NO_COLOR is set), always or never.")
    String color;

    @Parameters(arity = "0..1", paramLabel = "PATH", defaultValue = ".",
            description = "A folder or file in the repository; only Rust files under it are reviewed (default: .).")
    Path path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReviewRequest request = new ReviewRequest(path, since, ledger, deps);
        ReviewService service;
        try {
            service = new ReviewService(settingsOf(path == null ? Path.of(".") : path, err));
        } catch (ConfigFile.InvalidConfigException e) {
            err.println("unsafe-hints review: " + e.getMessage());
            return 2;
        }
        try {
            if (approve != null && !approve.isEmpty()) {
                return approve(service, request);
            }
            if (by != null || note != null) {
                err.println("unsafe-hints review: --by and --note go with --approve SITE");
                return 2;
            }
            ReviewReport report = service.review(request);
            write(report);
            return failOnUnreviewed && report.needingReview() > 0 ? 1 : 0;
        } catch (ReviewException e) {
            err.println("unsafe-hints review: " + e.getMessage());
            err.flush();
            return e.kind() == ReviewException.Kind.USAGE ? 2 : 3;
        } catch (IOException e) {
            err.println("unsafe-hints review: cannot write the report: " + e.getMessage());
            err.flush();
            return 3;
        }
    }

    private int approve(ReviewService service, ReviewRequest request) throws ReviewException {
        PrintWriter out = spec.commandLine().getOut();
        List<Approval> made = service.approve(request, approve, by, note);
        for (Approval a : made) {
            out.println("approved " + a.site() + " (" + a.kind() + " in " + a.item() + ") by " + a.by());
        }
        out.println("ledger updated: " + (ledger != null ? ledger.toString()
                : ReviewLedger.DEFAULT_FILE + " at the repository root") + "; commit it with the code");
        out.flush();
        return 0;
    }

    private void write(ReviewReport report) throws IOException {
        String version = ToolVersion.version();
        StringWriter buffer = new StringWriter();
        switch (format) {
            case text -> new ReviewTextWriter(output == null && ExplainCommand.Colors.enabled(color, true))
                    .write(report, new PrintWriter(buffer));
            case markdown -> buffer.write(new ReviewMarkdownWriter().write(report));
            case sarif -> new ReviewSarifWriter(version).write(report, buffer);
            case json -> new ReviewJsonWriter(version).write(report, buffer);
        }
        if (output != null) {
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                w.write(buffer.toString());
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(buffer);
            out.flush();
        }
    }

    /** The `unsafe-hints.toml` nearest above the reviewed path, or the defaults. */
    private static AnalysisSettings settingsOf(Path start, PrintWriter err)
            throws ConfigFile.InvalidConfigException {
        Path folder = start.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        for (Path f = folder; f != null; f = f.getParent()) {
            Path config = f.resolve(ConfigFile.FILE_NAME);
            if (java.nio.file.Files.isRegularFile(config)) {
                String shown = DisplayPaths.of(config);
                ConfigFile.Loaded loaded;
                try {
                    loaded = ConfigFile.read(config);
                } catch (ConfigFile.InvalidConfigException e) {
                    throw new ConfigFile.InvalidConfigException(shown, e.problem());
                }
                for (ConfigFile.Problem w : loaded.warnings()) {
                    err.println(w.describeWarning(shown));
                }
                return loaded.settings();
            }
        }
        return AnalysisSettings.DEFAULT;
    }
}
