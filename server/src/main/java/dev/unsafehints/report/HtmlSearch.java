package dev.unsafehints.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The HTML report's search box: the report's one script, inline, allowed by its SHA-256 in the
 * page's content security policy (nothing else may run, nothing may load). The box is written
 * {@code hidden} and the script shows it, so where scripts do not run (a viewer that blocks them,
 * VS Code's report tab) the page shows no dead control and the CSS filters still work.
 *
 * <p>Each card's text (file and position, rule, message, code, checklist) is read once and kept in
 * lower case; every word typed must occur in it. 10,000 cards filter in well under a frame's worth
 * of a keystroke's delay on a laptop, and the work waits until typing pauses.
 */
final class HtmlSearch {
    private HtmlSearch() {
    }

    /** The markup: the box (hidden until the script runs) and the count of matching cards. */
    static final String BOX = "<div class=\"search\" id=\"search\" hidden><label for=\"q\">Search</label> "
            + "<input type=\"search\" id=\"q\" placeholder=\"file, rule, message or code\" autocomplete=\"off\"> "
            + "<span id=\"q-count\" class=\"hint\" aria-live=\"polite\"></span></div>\n";

    /** The script, byte for byte what the hash covers. */
    static final String SCRIPT = """
            (function () {
              var box = document.getElementById('search');
              var input = document.getElementById('q');
              var count = document.getElementById('q-count');
              if (!box || !input) return;
              box.hidden = false;
              var cards = Array.prototype.slice.call(document.querySelectorAll('article.site'));
              var files = Array.prototype.slice.call(document.querySelectorAll('details.file'));
              var texts = null;
              var timer = 0;
              function apply() {
                var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
                if (!texts) texts = cards.map(function (c) { return c.textContent.toLowerCase(); });
                var shown = 0;
                cards.forEach(function (card, i) {
                  var match = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
                  card.classList.toggle('nomatch', !match);
                  if (match) shown++;
                });
                files.forEach(function (f) { f.classList.toggle('nomatch', !f.querySelector('article.site:not(.nomatch)')); });
                count.textContent = words.length ? shown + ' of ' + cards.length + ' cards match' : '';
              }
              input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
              input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { clearTimeout(timer); apply(); } });
            })();
            """;

    /** The CSP source that allows {@link #SCRIPT} and nothing else. */
    static final String SCRIPT_SOURCE = "'sha256-" + sha256(SCRIPT) + "'";

    /**
     * The page's policy: nothing loads from anywhere, styles only inline (the page's own), images
     * only as data, and the one script by its hash.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src "
            + SCRIPT_SOURCE;

    static String scriptElement() {
        return "<script>" + SCRIPT + "</script>\n";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
