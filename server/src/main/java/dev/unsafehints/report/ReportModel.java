package dev.unsafehints.report;

import dev.unsafehints.analysis.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one scan found, in the form all report writers share: crates, files with their sites,
 * skipped files, the baseline comparison when there was one, and with {@code scan --deps} the
 * dependencies' own ({@link #dependencies()}; {@code crates}, {@code files} and every count here are
 * the workspace's alone). Files are sorted by path and the
 * sites of a file by position, so every format lists them in the same order.
 */
public record ReportModel(ToolInfo tool, ScanInfo scan, List<CrateReport> crates, List<FileReport> files,
                          List<SkippedFile> skipped, Optional<BaselineSummary> baseline,
                          DependencyReport dependencies) {
    public ReportModel {
        crates = List.copyOf(crates);
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    /** A report of the workspace alone (no {@code --deps}). */
    public ReportModel(ToolInfo tool, ScanInfo scan, List<CrateReport> crates, List<FileReport> files,
                       List<SkippedFile> skipped, Optional<BaselineSummary> baseline) {
        this(tool, scan, crates, files, skipped, baseline, DependencyReport.NONE);
    }

    /**
     * The sites this report is about: all of them, or with a baseline only the new and changed
     * ones. Sites in test-only code come last (they are reported apart).
     */
    public List<Site> reportedSites() {
        List<Site> normal = new ArrayList<>();
        List<Site> tests = new ArrayList<>();
        for (FileReport f : files) {
            for (Site s : f.sites()) {
                if (s.isNew()) {
                    (s.testOnly() ? tests : normal).add(s);
                }
            }
        }
        normal.addAll(tests);
        return normal;
    }

    public List<FileReport> partlyParsedFiles() {
        return files.stream().filter(FileReport::partlyParsed).toList();
    }

    /** Reported sites per SARIF level (error, warning, note). */
    public Map<Severity, Integer> reportedBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Site s : reportedSites()) {
            counts.merge(s.severity(), 1, Integer::sum);
        }
        return counts;
    }

    public Counts totalCounts() {
        Counts sum = Counts.EMPTY;
        for (CrateReport c : crates) {
            sum = sum.plus(c.counts());
        }
        return sum;
    }

    public Counts totalTestCounts() {
        Counts sum = Counts.EMPTY;
        for (CrateReport c : crates) {
            sum = sum.plus(c.testCounts());
        }
        return sum;
    }

    public Coverage totalSafetyComments() {
        return crates.stream().map(CrateReport::safetyComments).reduce(Coverage.NONE, Coverage::plus);
    }

    public Coverage totalSafetyDocs() {
        return crates.stream().map(CrateReport::safetyDocs).reduce(Coverage.NONE, Coverage::plus);
    }

    public Optional<CrateReport> crate(String key) {
        return crates.stream().filter(c -> c.key().equals(key)).findFirst();
    }
}
