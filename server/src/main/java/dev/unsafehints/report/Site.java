package dev.unsafehints.report;

import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * One finding as every report shows it: everything a writer needs is computed once, while the
 * file's text is still at hand, so the text itself need not be kept.
 *
 * @param excerpt          the source lines the site spans (at most a few), without line breaks
 * @param excerptFirstLine the 1-based number of the first excerpt line
 * @param itemPath         the enclosing item, e.g. {@code ptr::impl Vec<T>::push}; empty at top level
 * @param cfg              the {@code #[cfg(...)]} conditions guarding the site, outermost first
 * @param testOnly         true when one of those conditions requires {@code test}
 * @param siteText         the normalized text of the site (whitespace collapsed), for fingerprints
 * @param fingerprint      survives line shifts; see {@link SiteFingerprint}
 * @param lineHash         GitHub's {@code primaryLocationLineHash} of the start line
 * @param isNew            false only for sites a baseline already had
 */
public record Site(String ruleId, RuleInfo.Category category, Severity severity, String message,
                   String path, Span span, List<String> excerpt, int excerptFirstLine,
                   String itemPath, List<String> cfg, boolean testOnly, String siteText,
                   String fingerprint, String lineHash, List<RelatedSite> related,
                   Map<String, String> properties, boolean isNew) {
    public Site {
        excerpt = List.copyOf(excerpt);
        cfg = List.copyOf(cfg);
        related = List.copyOf(related);
        properties = Map.copyOf(properties);
    }

    /** The property that says whether the site is compiled in the scanned configuration: "yes" or "no". */
    public static final String COMPILED = "compiled";

    /** True or false when the scan could tell whether the site is compiled (target, features), else null. */
    public Boolean compiled() {
        String c = properties.get(COMPILED);
        return c == null ? null : c.equals("yes");
    }

    /** This site with one more property (or a new value for it). */
    public Site withProperty(String key, String value) {
        Map<String, String> more = new java.util.HashMap<>(properties);
        more.put(key, value);
        return new Site(ruleId, category, severity, message, path, span, excerpt, excerptFirstLine, itemPath,
                cfg, testOnly, siteText, fingerprint, lineHash, related, more, isNew);
    }

    public Site withNew(boolean newSite) {
        return new Site(ruleId, category, severity, message, path, span, excerpt, excerptFirstLine, itemPath,
                cfg, testOnly, siteText, fingerprint, lineHash, related, properties, newSite);
    }

    /** The level as printed everywhere but SARIF: error, warning, note or hint. */
    public String label() {
        return severity.label();
    }

    /** The SARIF level of the severity: error, warning or note (a hint too). */
    public String level() {
        return Levels.sarifLevel(severity);
    }
}
