package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unedited SAFETY or {@code # Safety} template (a {@code <...>} placeholder left in) documents
 * nothing: the scan keeps a warning for it and counts the site as undocumented (issue 20, item 4).
 */
class TemplateIsNotDocumentationTest {
    @Test
    void aTemplateKeepsItsWarningAndCountsAsUndocumented(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("Cargo.toml"), "[package]\nname = \"t\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/lib.rs"), String.join("\n",
                "pub fn documented(p: *const u8) -> u8 {",
                "    // SAFETY: `p` is valid for reads: callers pass a live reference.",
                "    unsafe { *p }",
                "}",
                "",
                "pub fn templated(p: *const u8) -> u8 {",
                "    // SAFETY: <explain why every condition below holds here>",
                "    // - `p` (read): non-null; aligned; valid for the read",
                "    unsafe { *p }",
                "}",
                "",
                "/// # Safety",
                "///",
                "/// Callers must ensure that <the conditions under which this call is sound>.",
                "pub unsafe fn raw(p: *const u8) -> u8 {",
                "    // SAFETY: a generic `Vec<T>` or `i<len && j>0` is no placeholder",
                "    unsafe { *p }",
                "}",
                ""));
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", root.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> warnings = new ArrayList<>();
        json.path("files").forEach(f -> f.path("sites").forEach(x -> {
            String rule = x.path("ruleId").asText();
            if (rule.equals("missing-safety-comment") || rule.equals("missing-safety-doc")) {
                warnings.add(rule + " " + x.path("region").path("startLine").asInt() + " " + x.path("message").asText());
            }
        }));
        assertEquals(List.of(
                "missing-safety-comment 9 the SAFETY comment is still the template: say why each condition holds",
                "missing-safety-doc 15 the `# Safety` section of unsafe fn `raw` is still the template: list what"
                        + " callers must guarantee"), warnings, run.out());
        JsonNode crate = json.path("crates").get(0);
        assertEquals(3, crate.path("safetyComments").path("total").asInt(), crate.toString());
        assertEquals(2, crate.path("safetyComments").path("documented").asInt(), crate.toString());
        assertEquals(1, crate.path("safetyDocs").path("total").asInt(), crate.toString());
        assertEquals(0, crate.path("safetyDocs").path("documented").asInt(), crate.toString());
    }
}
