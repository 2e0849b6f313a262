package dev.unsafehints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fingerprints ignore layout, and the normalization is the regular expression's, character for character. */
class SiteFingerprintTest {
    @Test
    void whitespaceCollapsesLikeTheRegularExpression() {
        // the characters of `\s` and some that look like spaces but are not in it
        char[] alphabet = {' ', '\t', '\n', 0x0B, '\f', '\r', 'a', 'b', '(', 0x00A0, 0x2003, 0x1C, 'é'};
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertEquals(text.replaceAll("\\s+", " "), SiteFingerprint.collapseWhitespace(text), () -> text.chars()
                    .mapToObj(c -> Integer.toHexString(c)).toList().toString());
        }
    }

    @Test
    void layoutDoesNotChangeTheFingerprintButTheTextDoes() {
        String a = SiteFingerprint.of("unsafe-block", "m::f", "unsafe {\n    read(p)\n}", "    unsafe {");
        String b = SiteFingerprint.of("unsafe-block", "m::f", "unsafe { read(p) }", "unsafe {");
        String c = SiteFingerprint.of("unsafe-block", "m::f", "unsafe { write(p) }", "unsafe {");
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(32, a.length());
    }

    @Test
    void longTextKeepsItsStartAndADigest() {
        String text = "x ".repeat(1500);
        String normalized = SiteFingerprint.normalize(text);
        assertEquals(2000 + 1 + Integer.toHexString(text.strip().hashCode()).length(), normalized.length());
    }
}
