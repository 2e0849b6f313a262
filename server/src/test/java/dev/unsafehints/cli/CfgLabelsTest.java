package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The `cfg` labels of sites in module files (issue 19 item 14): a file reached through two `mod`
 * declarations under different cfgs is compiled when either holds; modules declared in `cfg_if!`
 * branches carry their branch's condition; the code of one branch never gets another's.
 */
class CfgLabelsTest {
    @Test
    void moduleFilesCarryTheConditionsOfEveryDeclaration() throws Exception {
        String crate = Path.of(CfgLabelsTest.class.getResource("/scan/cfg-modules/Cargo.toml").toURI()).getParent().toString();
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", "--fail-on", "none", crate);
        Map<String, String> cfgByDeref = new TreeMap<>();
        List<String> testOnly = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).path("files")) {
            for (JsonNode s : f.path("sites")) {
                if (s.path("ruleId").asText().equals("raw-pointer-deref")) {
                    List<String> cfg = new ArrayList<>();
                    s.path("cfg").forEach(c -> cfg.add(c.asText()));
                    String where = f.path("path").asText() + ":" + s.path("region").path("startLine").asInt();
                    cfgByDeref.put(where, String.join(" && ", cfg));
                    if (s.path("testOnly").asBoolean()) {
                        testOnly.add(where);
                    }
                }
            }
        }
        Map<String, String> expected = new TreeMap<>(Map.of(
                "src/lib.rs:11", "unix",
                "src/lib.rs:16", "not(any(unix, windows))",
                "src/sys.rs:1", "any(target_os = \"linux\", target_os = \"macos\")",
                "src/unix.rs:1", "unix",
                "src/windows.rs:1", "windows",
                "src/other.rs:1", "not(any(unix, windows))",
                "src/tests.rs:1", "test"));
        assertEquals(expected, cfgByDeref);
        assertEquals(List.of("src/tests.rs:1"), testOnly);
    }

    /**
     * Files placed by `#[path]` and `#[cfg_attr(.., path)]`: each one's sites carry the cfg of the
     * declaration that places it (none did: `sys/windows.rs` was marked compiled on Linux), and its
     * item paths are the declared module's (`imp::f`, was `sys::windows::f`); the usual file of a
     * `cfg_attr(.., path)` module is compiled where the condition does not hold.
     */
    @Test
    void filesPlacedByPathAttributesCarryTheirDeclarationsConditions() throws Exception {
        String crate = Path.of(CfgLabelsTest.class.getResource("/scan/cfg-path-modules/Cargo.toml").toURI()).getParent().toString();
        ScanFixture.Run run = ScanFixture.scanWithRealRules("--no-cargo", "--format", "json", "--fail-on", "none", crate);
        Map<String, String> byFile = new TreeMap<>();
        for (JsonNode f : new ObjectMapper().readTree(run.out()).path("files")) {
            for (JsonNode s : f.path("sites")) {
                if (s.path("ruleId").asText().equals("raw-pointer-deref")) {
                    List<String> cfg = new ArrayList<>();
                    s.path("cfg").forEach(c -> cfg.add(c.asText()));
                    byFile.put(f.path("path").asText(), String.join(" && ", cfg) + " | " + s.path("itemPath").asText());
                }
            }
        }
        assertEquals(new TreeMap<>(Map.of(
                "src/sys/windows.rs", "windows | imp::f",
                "src/sys/unix.rs", "unix | imp::f",
                "src/sys/linux.rs", "target_os = \"linux\" | other::f",
                "src/other.rs", "not(target_os = \"linux\") | other::f",
                "src/shared.rs", "any(unix, windows, target_os = \"wasi\") | shared_a::f")), byFile);
    }
}
