package dev.unsafehints.report;

/**
 * One crate's summary, the row of the cargo-geiger-like table.
 *
 * @param key       unique within a report (the crate root relative to the base, or the name)
 * @param root      the crate's folder relative to the scan base ({@code .} for the base itself); a
 *                  dependency's is its absolute folder
 * @param policy    what the crate root says about {@code unsafe_code}
 * @param files     files analyzed
 * @param source    {@code workspace}, {@code registry}, {@code git}, {@code path} or {@code std}
 * @param notCompiledCounts the sites of {@code counts} that are not compiled in the scanned
 *                  configuration (cfg'd out for the target or the features; cargo-geiger's "unused")
 */
public record CrateReport(String key, String name, String version, String edition, String root,
                          UnsafeCodePolicy policy, int files, Counts counts, Counts testCounts,
                          Coverage safetyComments, Coverage safetyDocs, String source, Counts notCompiledCounts) {
    public CrateReport(String key, String name, String version, String edition, String root,
                       UnsafeCodePolicy policy, int files, Counts counts, Counts testCounts,
                       Coverage safetyComments, Coverage safetyDocs) {
        this(key, name, version, edition, root, policy, files, counts, testCounts, safetyComments, safetyDocs,
                "workspace", Counts.EMPTY);
    }

    public String displayName() {
        String n = name.isEmpty() ? "(no crate)" : name;
        return version.isEmpty() ? n : n + " " + version;
    }

    /** True for a package of the graph that the workspace depends on (scan --deps), not one of its own. */
    public boolean isDependency() {
        return !source.equals("workspace") && !source.equals("std");
    }
}
