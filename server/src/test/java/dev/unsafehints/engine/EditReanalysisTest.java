package dev.unsafehints.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.CodeTokens;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.SourceDocument;
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
 * installed, of standard library files full of unsafe code. A longer run, before changing the
 * shortcuts: {@code mvn test -Dtest=EditReanalysisTest -DeditSeed=13 -DeditsPerFile=15 -DeditFileStride=8}
 * (about two minutes per seed).
 */
class EditReanalysisTest {
    private static final Analyzer ANALYZER = new Analyzer().keepingCodeTokens().keepingDeclarations(); // as the language server runs it
    private static final CargoManifests MANIFESTS = new CargoManifests();
    private static final List<String> INSERTIONS = List.of(" ", "\n", "let _edited = 1;", "unsafe { }",
            "x.", "/* c */", "// SAFETY: edited\n", "*p;", "}", "{", "\"");

    @Test
    void editsGiveWhatAFullAnalysisGives() throws IOException {
        List<Path> files = new ArrayList<>(rustFiles(Path.of("src/test/resources/rules")));
        files.addAll(stdSample());
        Random random = new Random(Long.getLong("editSeed", 7));
        int edits = 0;
        int reanalysed = 0;
        for (Path file : files) {
            String original = Files.readString(file);
            String text = original;
            CrateInfo crate = MANIFESTS.crateOf(file);
            FileAnalysis before = analyze(file, text, crate);
            for (int i = 0; i < Integer.getInteger("editsPerFile", 6); i++) {
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
                assertTrue(java.util.Arrays.equals(full.codeTokens().starts(), incremental.codeTokens().starts())
                        && java.util.Arrays.equals(full.codeTokens().ends(), incremental.codeTokens().ends())
                        && java.util.Arrays.equals(full.codeTokens().types(), incremental.codeTokens().types()),
                        () -> where + tokenDifference(full.codeTokens(), incremental.codeTokens()));
                String declared = FileDeclarations.read(file, crate, edited).fingerprint();
                String kept = incremental.declarations().map(FileDeclarations::fingerprint).orElse(declared);
                assertEquals(full.syntaxProblems().isEmpty(), incremental.declarations().isPresent(), where);
                assertTrue(declared.equals(kept), () -> where + " syntax problems: " + full.syntaxProblems() + " declarations differ at: "
                        + around(declared, firstDifference(declared, kept)) + "\n  kept: "
                        + around(kept, firstDifference(declared, kept)));
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

    @Test
    void typingInASignatureTakesTheShortcut() throws IOException {
        Path file = Path.of("src/test/resources/rules/missing-safety-doc.rs");
        String text = Files.readString(file);
        CrateInfo crate = MANIFESTS.crateOf(file);
        FileAnalysis before = analyze(file, text, crate);
        int shortcuts = 0;
        for (int fn = text.indexOf("fn "); fn >= 0; fn = text.indexOf("fn ", fn + 3)) {
            int open = text.indexOf('(', fn);
            int brace = text.indexOf('{', fn);
            int semicolon = text.indexOf(';', fn);
            if (open < 0 || brace < open || (semicolon >= 0 && semicolon < brace)
                    || text.lastIndexOf('\n', fn) < text.lastIndexOf("//", fn) || insideMacroRules(text, fn)) {
                continue; // a fn without body, one in a comment, or one a macro's text writes
            }
            // a space typed right after `(`: no comment-only edit (it touches a token), not in a body
            String edited = text.substring(0, open + 1) + " " + text.substring(open + 1);
            SourceDocument document = new SourceDocument(file, edited, crate);
            Optional<FileAnalysis> fast = EditReanalysis.of(ANALYZER, before, document, AnalysisSettings.DEFAULT,
                    WorkspaceIndex.empty());
            assertTrue(fast.isPresent(), "an edit in the signature at " + open);
            assertEquals(ANALYZER.analyze(document, AnalysisSettings.DEFAULT, WorkspaceIndex.empty()).findings(),
                    fast.get().findings());
            shortcuts++;
        }
        assertTrue(shortcuts >= 3, "the fixture has functions with parameters: " + shortcuts);
    }

    /** Whether {@code at} lies in the body of a `macro_rules!` (tokens, not a function of the file). */
    private static boolean insideMacroRules(String text, int at) {
        for (int m = text.indexOf("macro_rules!"); m >= 0 && m < at; m = text.indexOf("macro_rules!", m + 1)) {
            int depth = 0;
            for (int i = text.indexOf('{', m); i >= 0 && i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    if (at < i) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
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
        if (random.nextInt(4) == 0) { // at the end of a line: signatures, attributes, doc lines, closing braces
            List<Integer> ends = new ArrayList<>();
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                ends.add(i > 0 && text.charAt(i - 1) == '\r' ? i - 1 : i);
            }
            if (!ends.isEmpty()) {
                int at = ends.get(random.nextInt(ends.size()));
                String typed = List.of(" ", " ", "x", "// note", " # Safety", "unsafe", ",").get(random.nextInt(7));
                if (random.nextBoolean() && at > 0 && text.charAt(at - 1) != '\n') {
                    return text.substring(0, at - 1) + text.substring(at); // its last character deleted
                }
                return text.substring(0, at) + typed + text.substring(at);
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

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 150), Math.min(text.length(), at + 80));
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
        try (java.util.stream.Stream<Path> sources = Files.list(Path.of("/usr/src"))) {
            // whichever version of Debian's rust-web-src the machine has
            std = sources.map(p -> p.resolve("library"))
                    .filter(p -> p.getParent().getFileName().toString().startsWith("rustc-") && Files.isDirectory(p))
                    .sorted().reduce((a, b) -> b).orElse(std);
        } catch (IOException e) {
            // no /usr/src: no standard library here
        }
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
        for (int i = 0; i < unsafeFiles.size(); i += Integer.getInteger("editFileStride", 40)) {
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
