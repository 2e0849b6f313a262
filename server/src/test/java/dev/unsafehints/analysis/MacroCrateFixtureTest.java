package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whole crates whose macros declare items in one file that other files call
 * (src/test/resources/macro-crates/): every file is indexed, then analysed, and each line's
 * findings of the rules the crate's markers name must be exactly its `//~ rule-id` markers.
 */
class MacroCrateFixtureTest {
    private static final Pattern MARKER = Pattern.compile("//~\\s*([a-z0-9-]+)");

    @Test
    void whatACratesOwnMacrosDeclareAmongItemsIsKnownToItsOtherFiles() throws IOException {
        checkMarkers(Path.of("src/test/resources/macro-crates/own"));
    }

    @Test
    void macros20AreExpandedInTheirWholeModuleAndThroughTheIndex() throws IOException {
        checkMarkers(Path.of("src/test/resources/macro-crates/decl"));
    }

    @Test
    void codeOfOneCfgAttrPathBackendSeesOnlyItsOwnFnsAndMacros() throws IOException {
        checkMarkers(Path.of("src/test/resources/macro-crates/backends"));
    }

    private static void checkMarkers(Path root) throws IOException {
        CrateInfo crate = new CrateInfo(root.toAbsolutePath(), root.getFileName().toString(), "0.1.0", Edition.E2021);
        Map<Path, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("src"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".rs")).toList()) {
                texts.put(p.toAbsolutePath(), Files.readString(p));
            }
        }
        WorkspaceIndex index = WorkspaceIndex.empty();
        texts.forEach((file, text) -> index.update(crate, FileDeclarations.read(file, crate, text)));
        Set<String> rules = new HashSet<>();
        texts.values().forEach(text -> MARKER.matcher(text).results().forEach(m -> rules.add(m.group(1))));
        assertFalse(rules.isEmpty());
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            FileAnalysis analysis = new Analyzer().analyze(new SourceDocument(e.getKey(), e.getValue(), crate),
                    AnalysisSettings.DEFAULT, index);
            Map<Integer, List<String>> expected = new TreeMap<>();
            String[] lines = e.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = MARKER.matcher(lines[i]);
                while (m.find()) {
                    expected.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(m.group(1));
                }
            }
            Map<Integer, List<String>> actual = new TreeMap<>();
            for (Finding f : analysis.findings()) {
                if (rules.contains(f.ruleId())) {
                    actual.computeIfAbsent(analysis.start(f).line() + 1, k -> new ArrayList<>()).add(f.ruleId());
                }
            }
            actual.values().forEach(l -> l.sort(null));
            expected.values().forEach(l -> l.sort(null));
            assertEquals(expected, actual, () -> e.getKey().getFileName() + ": " + analysis.findings());
        }
    }
}
