package dev.unsafehints.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every rule on its fixture, {@code src/test/resources/rules/<rule-id>.rs}. A line that should
 * hold the start of a finding of that rule ends with {@code //~ <rule-id>} (twice for two findings);
 * {@code //~^ <rule-id>} points at the line above. Every other line must hold none. A first line
 * {@code // edition: 2024} sets the edition (default 2021).
 */
class RuleFixtureTest {
    private static final Pattern MARKER = Pattern.compile("//~(\\^*)\\s*([a-z0-9-]+)");
    private static final Pattern EDITION = Pattern.compile("^// edition: (\\d{4})");

    static Stream<String> ruleIds() {
        return RuleCatalog.all().stream().map(RuleDescriptor::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void fixtureFindsExactlyTheMarkedLines(String ruleId) throws IOException {
        String text = fixture(ruleId);
        Map<Integer, Integer> expected = expectedLines(text, ruleId);
        assertFalse(expected.isEmpty(), "fixture " + ruleId + ".rs marks no finding of " + ruleId);
        FileAnalysis analysis = analyze(text, ruleId);
        Map<Integer, Integer> actual = new TreeMap<>();
        for (Finding f : analysis.findings()) {
            if (f.ruleId().equals(ruleId)) {
                actual.merge(analysis.start(f).line() + 1, 1, Integer::sum);
            }
        }
        assertEquals(expected, actual, () -> "findings of " + ruleId + " by line (expected vs actual); all: "
                + describe(analysis));
    }

    static FileAnalysis analyze(String text, String ruleId) {
        Matcher m = EDITION.matcher(text);
        Edition edition = m.find() ? Edition.fromYear(m.group(1)) : Edition.E2021;
        CrateInfo crate = new CrateInfo(null, "fixture", "0.0.0", edition);
        return new Analyzer().analyze(new SourceDocument(Path.of(ruleId + ".rs"), text, crate),
                AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
    }

    static String fixture(String ruleId) throws IOException {
        try (InputStream in = RuleFixtureTest.class.getResourceAsStream("/rules/" + ruleId + ".rs")) {
            if (in == null) {
                throw new IOException("missing fixture src/test/resources/rules/" + ruleId + ".rs");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<Integer, Integer> expectedLines(String text, String ruleId) {
        Map<Integer, Integer> lines = new TreeMap<>();
        String[] split = text.split("\r?\n", -1);
        for (int i = 0; i < split.length; i++) {
            Matcher m = MARKER.matcher(split[i]);
            while (m.find()) {
                if (m.group(2).equals(ruleId)) {
                    lines.merge(i + 1 - m.group(1).length(), 1, Integer::sum);
                }
            }
        }
        return lines;
    }

    private static String describe(FileAnalysis a) {
        List<String> parts = new ArrayList<>();
        for (Finding f : a.findings()) {
            parts.add((a.start(f).line() + 1) + ":" + (a.start(f).column() + 1) + " " + f.ruleId());
        }
        parts.addAll(a.notes());
        return parts.toString();
    }
}
