package dev.unsafehints.report;

/**
 * One crate's summary, the row of the cargo-geiger-like table.
 *
 * @param key       unique within a report (the crate root relative to the base, or the name)
 * @param root      the crate's folder relative to the scan base ({@code .} for the base itself)
 * @param policy    what the crate root says about {@code unsafe_code}
 * @param files     files analyzed
 */
public record CrateReport(String key, String name, String version, String edition, String root,
                          UnsafeCodePolicy policy, int files, Counts counts, Counts testCounts,
                          Coverage safetyComments, Coverage safetyDocs) {
    public String displayName() {
        String n = name.isEmpty() ? "(no crate)" : name;
        return version.isEmpty() ? n : n + " " + version;
    }
}
