package dev.unsafehints.report;

/**
 * What the scanner knows about a crate before its files are analyzed.
 *
 * @param key    unique within a scan: the crate root relative to the base ({@code .}), or "(no crate)";
 *               a dependency's is {@code name@version}
 * @param root   the crate root relative to the base; a dependency's is its absolute folder
 * @param source where the package comes from: {@code workspace}, {@code registry}, {@code git},
 *               {@code path} or {@code std} (as the JSON report's {@code crates[].source})
 */
public record CrateSource(String key, String name, String version, String edition, String root,
                          UnsafeCodePolicy policy, String source) {
    public CrateSource(String key, String name, String version, String edition, String root, UnsafeCodePolicy policy) {
        this(key, name, version, edition, root, policy, "workspace");
    }
}
