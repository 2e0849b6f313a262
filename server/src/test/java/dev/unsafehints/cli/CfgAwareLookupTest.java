package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.workspace.CfgEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Calls resolve to the declarations the target compiles (the crate graph issue: "as the compiler
 * sees them"): a fn declared once per platform under `#[cfg]`, a type of a module chosen by
 * `#[cfg] #[path] mod imp;`, and a module placed by `#[cfg_attr(unix, path = ..)]` whose files
 * below it are that module's children. The windows variants are safe and come first in the text,
 * so a lookup that ignored cfg would take them. Every line marked `op` holds one unsafe call on a
 * unix target (rustc agrees: the fixture compiles, and with `unsafe` blanked rustc reports E0133
 * on exactly those lines).
 */
class CfgAwareLookupTest {
    @Test
    void callsResolveToTheDeclarationsCompiledForTheTarget() throws Exception {
        CfgEnvironment host = CfgEnvironment.host();
        assumeTrue(host.known() && host.names().contains("unix"), "needs rustc on a unix host");
        Path crate = Path.of(CfgAwareLookupTest.class.getResource("/scan/cfg-lookups/Cargo.toml").toURI()).getParent();
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", "--fail-on", "none",
                crate.toString());
        Set<Integer> found = new TreeSet<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).path("files")) {
            for (JsonNode s : f.path("sites")) {
                if (s.path("ruleId").asText().equals("unsafe-call")) {
                    assertEquals("src/lib.rs", f.path("path").asText(), s.toString());
                    found.add(s.path("region").path("startLine").asInt());
                }
            }
        }
        Set<Integer> marked = new TreeSet<>();
        List<String> lines = Files.readAllLines(crate.resolve("src/lib.rs"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// op")) {
                marked.add(i + 1);
            }
        }
        assertEquals(3, marked.size());
        assertEquals(marked, found);
    }
}
