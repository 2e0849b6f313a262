package dev.unsafehints.report;

import dev.unsafehints.analysis.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one scan found, in the form all report writers share: crates, files with their sites,
 * skipped files, and the baseline comparison when there was one. Files are sorted by path and the
 * sites of a file by position, so every format lists them in the same order.
 */
public record ReportModel(ToolInfo tool, ScanInfo scan, List<CrateReport> crates, List<FileReport> files,
                          List<SkippedFile> skipped, Optional<BaselineSummary> baseline) {
    public ReportModel {
        crates = List.copyOf(crates);
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
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
