package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report is self-contained, escapes hostile source text, and renders in headless Chromium
 * (Debian's {@code chromium}) without console errors (a script the policy refused would be one). Its
 * search box and widths are checked in a browser by vscode-client/e2e/report-check.mjs. The screenshot is kept in
 * {@code target/html-report/} for people to look at. Skipped when Chromium is not installed.
 */
class HtmlReportChromiumTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path ARTIFACTS = Path.of("target/html-report");

    @TempDir
    Path temp;

    private Path report() throws IOException {
        ScanFixture fixture = new ScanFixture(temp);
        Files.writeString(fixture.root.resolve("src/hostile.rs"),
                "pub fn x() -> u8 { let s = \"<script>alert(1)</script><img src=x onerror=alert(2)>\"; let p = s.as_ptr(); unsafe { *p } }\n");
        Path other = Files.createDirectories(fixture.root.resolve("other/src"));
        Files.writeString(other.getParent().resolve("Cargo.toml"), "[package]\nname = \"other\"\nversion = \"0.1.0\"\n");
        Files.writeString(other.resolve("lib.rs"), "pub fn y(p: *const u8) -> u8 { unsafe { *p } }\n");
        Path html = temp.resolve("report.html");
        ScanFixture.Run run = ScanFixture.scan("--format", "html", "-o", html.toString(),
                "--max-file-size", ScanFixture.SIZE_LIMIT, fixture.root.toString());
        assertEquals(0, run.exitCode(), run.err());
        Files.createDirectories(ARTIFACTS);
        Files.copy(html, ARTIFACTS.resolve("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return html;
    }

    @Test
    void reportIsSelfContainedAndEscaped() throws Exception {
        String html = Files.readString(report());
        // one script, inline (the search box), allowed by its hash and nothing else
        assertEquals(1, html.split("<script", -1).length - 1, "one script element");
        String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.indexOf("</script>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(script.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" + hash + "'\">"), "policy with the script's hash");
        assertTrue(html.contains("<div class=\"search\" id=\"search\" hidden>"), "the search box waits for the script");
        assertFalse(html.contains("<link"), "no external style sheets");
        assertFalse(java.util.regex.Pattern.compile("<[a-zA-Z]+[^>]*\\ssrc=").matcher(html).find(), "no images or frames");
        assertFalse(html.contains("@import") || html.contains("url("), "no fetched CSS resources");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assertTrue(html.contains("<svg class=\"chart\""), "inline SVG charts");
        assertTrue(html.contains("Unsafe operations inside"), "operations listed on their block's card");
        assertTrue(html.contains("What a reviewer should check"));
        // filters by level and rule, with CSS alone
        assertTrue(html.contains("<input type=\"checkbox\" class=\"filter\" id=\"f-level-note\" checked>"), "level filter");
        assertTrue(html.contains("#f-rule-unsafe-block:not(:checked) ~ * article.site.r-unsafe-block{display:none}"),
                "rule filter");
        // the fixture has two crates (demo, safe-part): a crate filter hides a crate's files
        assertTrue(java.util.regex.Pattern.compile("#f-c-[0-9a-f]+:not\\(:checked\\) ~ details\\.file\\.c-[0-9a-f]+\\{display:none\\}")
                .matcher(html).find(), "crate filter");
        // the guideline once per rule, at the end, linked from the cards; not a box on every card
        assertFalse(html.contains("<div class=\"guideline\">"), "no guideline box per card");
        assertEquals(1, html.split("id=\"rule-unsafe-block\"", -1).length - 1, "one guideline per rule");
        assertTrue(html.contains("Guideline: <a href=\"#rule-"), "cards link to it");
        assertTrue(html.contains("not valid UTF-8 at byte 15"), "skipped files listed");
        assertTrue(html.contains("cfg(feature = &quot;fast&quot;)"), "cfg conditions shown");
        assertTrue(html.contains("id=\"tests\""), "test-only code apart");
    }

    @Test
    void rendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed (apt-get install chromium)");
        Path html = report();
        Path png = ARTIFACTS.resolve("report.png");
        Files.deleteIfExists(png);
        Path profile = Files.createDirectory(temp.resolve("profile"));
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=1280,2400", "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()));
        Path log = temp.resolve("chromium.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "chromium finished");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.writeString(ARTIFACTS.resolve("chromium.log"), output);
        assertTrue(Files.size(png) > 10_000, "a screenshot was rendered:\n" + output);
        List<String> consoleErrors = output.lines()
                .filter(l -> l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("Refused to"))
                .toList();
        assertTrue(consoleErrors.isEmpty(), String.join("\n", consoleErrors));
    }
}
