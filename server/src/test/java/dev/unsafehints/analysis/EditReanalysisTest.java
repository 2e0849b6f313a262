package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.parse.SourceDocument;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Re-analysing an edit ({@link Analyzer#analyzeEdit}) gives exactly what a full analysis of the new
 * text gives: findings (with related places, fixes, properties), syntax problems, notes and summary.
 * Checked with many edits inside and outside function bodies of the rule fixtures and, when it is
 * installed, of standard library files full of unsafe code.
 */
class EditReanalysisTest {
    private static final Analyzer ANALYZER = new Analyzer().keepingCodeTokens(); // as the language server runs it
    private static final CargoManifests MANIFESTS = new CargoManifests();
    private static final List<String> INSERTIONS = List.of(" ", "\n", "let _edited = 1;", "unsafe { }",
            "x.", "/* c */", "// SAFETY: edited\n", "*p;", "}", "{", "\"");

    @Test
    void editsGiveWhatAFullAnalysisGives() throws IOException {
        List<Path> files = new ArrayList<>(rustFiles(Path.of("src/test/resources/rules")));
        files.addAll(stdSample());
        Random random = new Random(7);
        int edits = 0;
        int reanalysed = 0;
        for (Path file : files) {
            String original = Files.readString(file);
            String text = original;
            CrateInfo crate = MANIFESTS.crateOf(file);
            FileAnalysis before = analyze(file, text, crate);
            for (int i = 0; i < 6; i++) {
                if (!before.syntaxProblems().isEmpty()) { // start again from the file as it was
                    text = original;
                    before = analyze(file, text, crate);
                }
                String edited = edit(text, before, random);
                SourceDocument document = new SourceDocument(file, edited, crate);
                FileAnalysis full = ANALYZER.analyze(document, AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
                FileAnalysis incremental = ANALYZER.analyzeEdit(before, document, AnalysisSettings.DEFAULT,
                        WorkspaceIndex.empty());
                String where = file + " edit " + i + " at " + firstDifference(text, edited);
                assertEquals(full.findings(), incremental.findings(), () -> where + difference(full.findings(), incremental.findings()));
                assertEquals(full.syntaxProblems(), incremental.syntaxProblems(), where);
                assertEquals(full.notes(), incremental.notes(), where);
                assertEquals(full.summary(), incremental.summary(), where);
                assertTrue(incremental.codeTokens().size() == 0 // a function re-analysed keeps no tokens
                        || java.util.Arrays.equals(full.codeTokens().starts(), incremental.codeTokens().starts())
                        && java.util.Arrays.equals(full.codeTokens().ends(), incremental.codeTokens().ends())
                        && java.util.Arrays.equals(full.codeTokens().types(), incremental.codeTokens().types()),
                        () -> where + tokenDifference(full.codeTokens(), incremental.codeTokens()));
                edits++;
                Optional<FileAnalysis> fast = EditReanalysis.of(ANALYZER, before, document, AnalysisSettings.DEFAULT,
                        WorkspaceIndex.empty());
                reanalysed += fast.isPresent() ? 1 : 0;
                before = incremental; // the next edit builds on this one, as in an editor
                text = edited;
            }
        }
        assertTrue(reanalysed > edits / 4, "only " + reanalysed + " of " + edits + " edits took the shortcut");
    }

    @Test
    void typingInsideAFunctionTakesTheShortcut() throws IOException {
        Path file = Path.of("src/test/resources/rules/missing-safety-comment.rs");
        String text = Files.readString(file);
        CrateInfo crate = MANIFESTS.crateOf(file);
        FileAnalysis before = analyze(file, text, crate);
        int[] bodies = before.structure().bodies();
        assertTrue(bodies.length >= 4, "the fixture has functions");
        int shortcuts = 0;
        for (int b = 0; b + 1 < bodies.length; b += 2) {
            int at = bodies[b] + 1; // right after the `{`: a space typed there changes nothing around it
            String edited = text.substring(0, at) + " " + text.substring(at);
            SourceDocument document = new SourceDocument(file, edited, crate);
            Optional<FileAnalysis> fast = EditReanalysis.of(ANALYZER, before, document, AnalysisSettings.DEFAULT,
                    WorkspaceIndex.empty());
            assertTrue(fast.isPresent(), "an edit inside the body at " + bodies[b]);
            assertEquals(ANALYZER.analyze(document, AnalysisSettings.DEFAULT, WorkspaceIndex.empty()).findings(),
                    fast.get().findings());
            shortcuts++;
        }
        assertEquals(bodies.length / 2, shortcuts);
    }

    private static FileAnalysis analyze(Path file, String text, CrateInfo crate) {
        return ANALYZER.analyze(new SourceDocument(file, text, crate), AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
    }

    /** Inserts, deletes or replaces a little text: in a comment, inside a function body, or anywhere. */
    private static String edit(String text, FileAnalysis analysis, Random random) {
        if (random.nextInt(3) == 0) { // a word typed into a comment (doc comments included)
            List<Integer> comments = new ArrayList<>();
            for (int i = text.indexOf("//"); i >= 0; i = text.indexOf("//", i + 2)) {
                comments.add(i);
            }
            if (!comments.isEmpty()) {
                int at = comments.get(random.nextInt(comments.size()));
                int lineEnd = text.indexOf('\n', at);
                at = Math.min(lineEnd < 0 ? text.length() : lineEnd, at + 3 + random.nextInt(20));
                String word = List.of(" more", "x", " Safety", " # Examples", "-", " SAFETY: ok").get(random.nextInt(6));
                return text.substring(0, at) + word + text.substring(at);
            }
        }
        int[] bodies = analysis.structure().bodies();
        int at;
        if (bodies.length > 0 && random.nextInt(5) > 0) {
            int b = 2 * random.nextInt(bodies.length / 2);
            at = bodies[b] + 1 + random.nextInt(Math.max(1, bodies[b + 1] - bodies[b] - 1));
        } else {
            at = random.nextInt(text.length() + 1);
        }
        at = Math.min(at, text.length());
        if (at > 0 && Character.isLowSurrogate(text.charAt(Math.min(at, text.length() - 1)))) {
            at--;
        }
        int kind = random.nextInt(4);
        if (kind == 0 && at < text.length() && !Character.isSurrogate(text.charAt(at))) {
            return text.substring(0, at) + text.substring(at + 1); // delete one character
        }
        String insertion = INSERTIONS.get(random.nextInt(INSERTIONS.size()));
        return text.substring(0, at) + insertion + text.substring(at);
    }

    private static String difference(List<Finding> expected, List<Finding> actual) {
        List<Finding> missing = expected.stream().filter(f -> !actual.contains(f)).limit(3).toList();
        List<Finding> extra = actual.stream().filter(f -> !expected.contains(f)).limit(3).toList();
        return "\n  missing: " + missing + "\n  extra: " + extra;
    }

    private static String tokenDifference(CodeTokens a, CodeTokens b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (a.types()[i] != b.types()[i] || a.starts()[i] != b.starts()[i] || a.ends()[i] != b.ends()[i]) {
                return ": code token " + i + " full (" + a.types()[i] + " " + a.starts()[i] + "-" + a.ends()[i]
                        + ") incremental (" + b.types()[i] + " " + b.starts()[i] + "-" + b.ends()[i] + "), sizes "
                        + a.size() + "/" + b.size();
            }
        }
        return ": sizes " + a.size() + "/" + b.size();
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Every 40th file of the standard library that holds `unsafe`, up to 100 KB (none when not installed). */
    private static List<Path> stdSample() throws IOException {
        Path std = Path.of("/usr/src/rustc-1.96.0/library");
        if (!Files.isDirectory(std) || "1".equals(System.getenv("UNSAFE_HINTS_SKIP_CORPUS"))) {
            return List.of();
        }
        List<Path> unsafeFiles = new ArrayList<>();
        for (Path p : rustFiles(std)) {
            if (Files.size(p) < 100_000 && Files.readString(p).contains("unsafe")) {
                unsafeFiles.add(p);
            }
        }
        List<Path> sample = new ArrayList<>();
        for (int i = 0; i < unsafeFiles.size(); i += 40) {
            sample.add(unsafeFiles.get(i));
        }
        return sample;
    }

    private static List<Path> rustFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
