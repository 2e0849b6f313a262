package dev.unsafehints.report;

/**
 * What the scanner knows about a crate before its files are analyzed.
 *
 * @param key  unique within a scan: the crate root relative to the base ({@code .}), or "(no crate)"
 * @param root the crate root relative to the base
 */
public record CrateSource(String key, String name, String version, String edition, String root,
                          UnsafeCodePolicy policy) {
}
