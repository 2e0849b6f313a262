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
        byte[] digest = SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** One digest per thread: a report makes one fingerprint per site, thousands per file in core::arch. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    /** Whitespace runs become one space; very long text keeps its start and a digest of the rest. */
    public static String normalize(String text) {
        String s = collapseWhitespace(text.strip());
        if (s.length() <= MAX_TEXT) {
            return s;
        }
        return s.substring(0, MAX_TEXT) + "…" + Integer.toHexString(s.hashCode());
    }

    /**
     * Each run of the characters that a regular expression's {@code \s} means (space, tab, line
     * feed, vertical tab, form feed, carriage return) becomes one space, as
     * {@code replaceAll("\\s+", " ")} does, without the regular expression's cost for every site.
     */
    static String collapseWhitespace(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isRegexSpace(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < s.length() && isRegexSpace(s.charAt(end))) {
                end++;
            }
            if (out == null) {
                if (c == ' ' && end == i + 1) {
                    continue; // a single space stays as it is
                }
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            out.append(' ');
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
