package dev.unsafehints.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of the per-package table of {@code scan --deps} and the tree's per-line summary, shared
 * by the text, Markdown and HTML reports. Like cargo-geiger, each count reads {@code compiled/not}:
 * the sites compiled for this target and these features (or where that cannot be told), then those
 * that are not ({@code 12/3}). Test-only code is left out, as cargo-geiger leaves out tests.
 */
public final class DependencyTable {
    /** The counted columns: the narrow tables' columns that are unsafe sites (where `unsafe` is written). */
    public static final List<UnsafeKinds.Kind> COLUMNS = UnsafeKinds.NARROW.stream()
            .filter(k -> UnsafeKinds.SITES.contains(k.ruleId())).toList();

    public static final String LEGEND = "12/3: 12 compiled for this target and features (or not known), 3 not";

    private DependencyTable() {
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>(List.of("package", "version", "source", "unsafe_code"));
        COLUMNS.forEach(k -> header.add(k.label()));
        header.add("ops");
        header.add("SAFETY");
        return header;
    }

    public static List<String> row(CrateReport c) {
        List<String> row = new ArrayList<>(List.of(c.name(), c.version(), c.source(), c.policy().label()));
        for (UnsafeKinds.Kind k : COLUMNS) {
            row.add(cell(c.counts().get(k.ruleId()), c.notCompiledCounts().get(k.ruleId())));
        }
        row.add(cell(operations(c.counts()), operations(c.notCompiledCounts())));
        row.add(c.safetyComments().total() == 0 ? "-" : c.safetyComments().percentText() + " ("
                + c.safetyComments().documented() + "/" + c.safetyComments().total() + ")");
        return row;
    }

    /** The dependencies' sum, as a row. */
    public static List<String> totalRow(List<CrateReport> crates) {
        Counts counts = Counts.EMPTY;
        Counts notCompiled = Counts.EMPTY;
        Coverage safety = Coverage.NONE;
        for (CrateReport c : crates) {
            counts = counts.plus(c.counts());
            notCompiled = notCompiled.plus(c.notCompiledCounts());
            safety = safety.plus(c.safetyComments());
        }
        return row(new CrateReport("", "total", "", "", "", UnsafeCodePolicy.UNKNOWN, 0, counts, Counts.EMPTY,
                safety, Coverage.NONE, "", notCompiled)).stream().map(cell -> cell.equals("unknown") ? "" : cell)
                .toList();
    }

    private static String cell(int all, int notCompiled) {
        return (all - notCompiled) + "/" + notCompiled;
    }

    static int operations(Counts counts) {
        int n = 0;
        for (UnsafeKinds.Kind k : UnsafeKinds.OPERATIONS) {
            n += counts.get(k.ruleId());
        }
        return n;
    }

    static int unsafeSites(Counts counts) {
        int n = 0;
        for (String id : UnsafeKinds.SITES) {
            n += counts.get(id);
        }
        return n;
    }

    /**
     * The tree as text lines, each package with what it holds: {@code libc 0.2.139  ·  812 unsafe,
     * 40 ops} ({@code no unsafe code}, or {@code forbid(unsafe_code)} when the crate root says so).
     */
    public static List<String> treeLines(ReportModel model) {
        Map<String, CrateReport> byKey = new HashMap<>();
        model.crates().forEach(c -> byKey.put(c.key(), c));
        model.dependencies().crates().forEach(c -> byKey.put(c.key(), c));
        List<String> drawn = model.dependencies().tree().render();
        List<DependencyTree.Line> lines = model.dependencies().tree().lines();
        List<String> out = new ArrayList<>(drawn.size());
        for (int i = 0; i < drawn.size(); i++) {
            CrateReport c = lines.get(i).crateKey() == null ? null : byKey.get(lines.get(i).crateKey());
            out.add(c == null || lines.get(i).repeated() ? drawn.get(i) : drawn.get(i) + "  ·  " + summary(c));
        }
        return out;
    }

    /** What a package holds, in a few words. */
    static String summary(CrateReport c) {
        int sites = unsafeSites(c.counts());
        int ops = operations(c.counts());
        String policy = c.policy().level() == UnsafeCodePolicy.Level.FORBID && c.policy().condition().isEmpty()
                ? "forbid(unsafe_code)" : null;
        if (sites == 0 && ops == 0) {
            return policy != null ? policy : "no unsafe code";
        }
        return sites + " unsafe, " + ops + " op" + (ops == 1 ? "" : "s");
    }
}
