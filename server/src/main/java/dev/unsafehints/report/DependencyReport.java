package dev.unsafehints.report;

import java.util.List;

/**
 * What {@code scan --deps} found in the packages the workspace depends on: a row per package, the
 * sites of each (paths relative to the package's root, {@link FileReport#crateKey()} naming its
 * row), files that could not be analyzed, and the tree. None of it counts toward the exit code,
 * the totals or SARIF: dependency code is not the user's to fix.
 *
 * @param scanned false when the scan was not asked for the dependencies (everything else is empty)
 */
public record DependencyReport(boolean scanned, List<CrateReport> crates, List<FileReport> files,
                               List<Skipped> skipped, DependencyTree tree) {
    public static final DependencyReport NONE =
            new DependencyReport(false, List.of(), List.of(), List.of(), DependencyTree.EMPTY);

    public DependencyReport {
        crates = List.copyOf(crates);
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    /** A dependency's file that could not be analyzed, with its package's row. */
    public record Skipped(String crateKey, SkippedFile file) {
    }

    /** The files of one package, in path order. */
    public List<FileReport> filesOf(String crateKey) {
        return files.stream().filter(f -> f.crateKey().equals(crateKey)).toList();
    }
}
