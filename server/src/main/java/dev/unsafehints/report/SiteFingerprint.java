package dev.unsafehints.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a site across edits, used to compare a scan with a baseline. Built from the
 * rule id, the enclosing item path (module path of the file plus the items around the site) and
 * the site's normalized text (whitespace collapsed, plus its line's text when the site is shorter
 * than the line). Line numbers take no part, so a site keeps its fingerprint when code above it
 * moves; editing the site or renaming its function makes it "changed", reported like a new one.
 */
public final class SiteFingerprint {
    /** The key under which SARIF results carry it in {@code partialFingerprints}. */
    public static final String SARIF_KEY = "unsafeHintsSite/v1";
    private static final int MAX_TEXT = 2000;

    private SiteFingerprint() {
    }

    /**
     * @param itemPath the enclosing item path, or empty when unknown: then the line text
     *                 ({@code context}) is what anchors the site
     * @param siteText the text of the site's range
     * @param context  the text of the site's first line
     */
    public static String of(String ruleId, String itemPath, String siteText, String context) {
        String text = normalize(siteText);
        String line = normalize(context);
        String anchor = line.contains(text) && line.length() > text.length() ? line : "";
        String key = ruleId + '\u0000' + itemPath + '\u0000' + text + '\u0000' + anchor;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whitespace runs become one space; very long text keeps its start and a digest of the rest. */
    public static String normalize(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.length() <= MAX_TEXT) {
            return s;
        }
        return s.substring(0, MAX_TEXT) + "…" + Integer.toHexString(s.hashCode());
    }
}
