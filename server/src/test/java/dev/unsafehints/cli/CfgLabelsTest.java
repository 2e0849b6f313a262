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
}
