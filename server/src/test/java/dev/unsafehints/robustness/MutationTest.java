package dev.unsafehints.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.SyntaxProblem;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.ModulePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutates real files (deletes, duplicates and inserts tokens and bytes, truncates) and checks that
 * every mutant goes through the whole pipeline, and that the findings of the items the mutation did
 * not touch stay the same.
 *
 * <p>"Untouched" is decided soundly, not by position: a top-level item is compared when its text,
 * together with the comments right above it (SAFETY comments live there), occurs exactly once in
 * both files, it is a top-level item in both parses, no syntax error of the mutant lies inside it,
 * and the file-wide context its analysis may read is unchanged. That context is the crate-level
 * attributes and everything the file declares ({@link FileDeclarations}: which fns are unsafe,
 * static muts, unions, pointer fields, imports, module visibility); when a mutation changes it
 * (say it deletes the {@code unsafe} of a fn that another item calls), only the rules that look at
 * nothing but the item itself are compared.
 *
 * <p>Seeded: the same files and mutations every run. {@code -Dunsafehints.mutation.files=N} and
 * {@code -Dunsafehints.mutation.perFile=M} run a larger sample (e.g. from {@code bench/mutate}).
 */
class MutationTest {
    private static final int FILES = Integer.getInteger("unsafehints.mutation.files", 30);
    private static final int MUTATIONS = Integer.getInteger("unsafehints.mutation.perFile", 12);
    private static final long SEED = Long.getLong("unsafehints.mutation.seed", 20_260_401L);
    private static final long MAX_FILE_BYTES = 16 * 1024;

    /** Rules whose findings depend on nothing but the item's own text (and the crate attributes). */
    private static final Set<String> LOCAL_RULES = Set.of("unsafe-block", "unsafe-fn", "unsafe-impl", "unsafe-trait",
            "extern-block", "static-mut", "union", "inline-asm", "unsafe-attr", "missing-safety-comment",
            "large-unsafe-block");

    private static final String[] TOKENS = {"unsafe", "{", "}", "(", ")", "[", "]", ";", ",", "fn", "*", "&", "<", ">",
        "::", "'", "\"", "/*", "*/", "//", "#", "!", "'a", "r#\"", "b'", "impl", "mut", "static", "as", "=>", "|", "..",
        "extern \"C\"", "union", "asm!", "\n", "\r", "\t", "\uD83E\uDD80", "\u00e9", "\u0000", "\uFFFF"};

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // turns a hang into a failure; the run takes well under a minute
    void untouchedItemsKeepTheirFindings() throws IOException {
        Random random = new Random(SEED);
        List<Path> files = Corpus.sample(FILES, MAX_FILE_BYTES, SEED);
        assertTrue(files.size() >= Math.min(FILES, 20), "too few files to mutate: " + files);
        int mutants = 0;
        int compared = 0;
        for (Path file : files) {
            String original = Files.readString(file);
            Edition edition = Edition.E2021;
            Snapshot before = Snapshot.of(original, edition);
            for (int m = 0; m < MUTATIONS; m++) {
                Mutation mutation = Mutation.random(original, before.tokens, random);
                String mutated = mutation.apply(original);
                Snapshot after;
                try {
                    after = Snapshot.of(mutated, edition);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError(file + " after " + mutation + ": " + e, e);
                }
                mutants++;
                compared += compareUntouched(file, mutation, before, after);
            }
        }
        assertEquals(files.size() * MUTATIONS, mutants);
        assertTrue(compared > mutants, "the comparison compared hardly anything: " + compared + " items");
    }

    /** Compares the findings of every untouched item; returns how many items were compared. */
    private static int compareUntouched(Path file, Mutation mutation, Snapshot before, Snapshot after) {
        boolean sameContext = before.context.equals(after.context);
        // an item that calls one of the file's macros reads the macro's text: when a definition
        // changed, such items are touched too (their expansions are what is analysed)
        boolean sameMacros = before.macros.equals(after.macros);
        int compared = 0;
        for (Map.Entry<String, Chunk> e : before.uniqueChunks.entrySet()) {
            Chunk old = e.getValue();
            Chunk now = after.uniqueChunks.get(e.getKey());
            if (now == null || after.hasSyntaxProblemIn(now)) {
                continue; // touched, gone, nested elsewhere now, or broken by the mutation
            }
            if (!sameMacros && before.callsLocalMacro(e.getKey())) {
                continue;
            }
            List<String> expected = before.findingsIn(old, sameContext);
            List<String> actual = after.findingsIn(now, sameContext);
            assertEquals(expected, actual, () -> "findings of an untouched item changed\n  file: " + file
                    + "\n  mutation: " + mutation + "\n  same context: " + sameContext + "\n  item:\n" + e.getKey());
            compared++;
        }
        return compared;
    }

    /** A piece of a top-level item's text: from the comments right above it to its end. */
    record Chunk(int start, int end) {
    }

    /** One file's analysis, items and context. */
    private static final class Snapshot {
        final FileAnalysis analysis;
        final List<Token> tokens;
        final Map<String, Chunk> uniqueChunks;
        final String context;
        /** The file's `macro_rules!` definitions, as text. */
        final Map<String, List<String>> macros;

        private Snapshot(FileAnalysis analysis, List<Token> tokens, Map<String, Chunk> uniqueChunks, String context,
                         Map<String, List<String>> macros) {
            this.analysis = analysis;
            this.tokens = tokens;
            this.uniqueChunks = uniqueChunks;
            this.context = context;
            this.macros = macros;
        }

        /** Whether an item's text calls one of the file's macros (`name!`). */
        boolean callsLocalMacro(String itemText) {
            return macros.keySet().stream().anyMatch(name -> itemText.matches("(?s).*\\b" + name + "\\s*!.*"));
        }

        static Snapshot of(String text, Edition edition) {
            FileAnalysis analysis = FilePipeline.run(text, edition);
            return DeepStack.call(() -> {
                ParsedFile parsed = RustParsing.parse(text, edition);
                TokenOffsets offsets = new TokenOffsets(text);
                Map<String, Chunk> chunks = new HashMap<>();
                Map<String, Integer> counts = new HashMap<>();
                for (RustParser.ItemContext item : parsed.tree().item()) {
                    Token first = item.getStart();
                    Token last = item.getStop();
                    if (first == null || last == null || first.getTokenIndex() < 0 || last.getTokenIndex() < first.getTokenIndex()
                            || last.getType() == Token.EOF) {
                        continue;
                    }
                    List<Token> above = parsed.tokens().getHiddenTokensToLeft(first.getTokenIndex());
                    int start = offsets.toUtf16(above == null ? first.getStartIndex() : above.get(0).getStartIndex());
                    int end = offsets.toUtf16(last.getStopIndex() + 1);
                    String key = text.substring(start, end);
                    counts.merge(key, 1, Integer::sum);
                    chunks.put(key, new Chunk(start, end));
                }
                chunks.keySet().removeIf(k -> counts.get(k) > 1);
                return new Snapshot(analysis, parsed.tokens().getTokens(), chunks, context(parsed, text),
                        new TreeMap<>(FileDeclarations.of(FilePipeline.FILE, List.of(), parsed, text).macroDefinitions()));
            });
        }

        /** What of the whole file an item's analysis may read: crate attributes and declarations. */
        private static String context(ParsedFile parsed, String text) {
            StringBuilder sb = new StringBuilder();
            parsed.tree().innerAttribute().forEach(a -> sb.append(a.getText()).append('\n'));
            Path file = FilePipeline.FILE;
            CrateInfo crate = new CrateInfo(null, "", "", parsed.edition());
            FileDeclarations own = FileDeclarations.of(file, ModulePaths.of(file, crate), parsed, text);
            // what the file's own item macros declare counts too (`dbghelp! { .. }` declares a static mut)
            for (FileDeclarations d : dev.unsafehints.workspace.ItemMacroDeclarations.withExpansions(
                    java.util.List.of(own), parsed.edition())) {
                declarations(d, sb);
            }
            return sb.toString();
        }

        private static void declarations(FileDeclarations d, StringBuilder sb) {
            d.functions().stream()
                    .map(f -> f.modulePath() + "::" + f.owner() + "::" + f.name() + " unsafe=" + f.isUnsafe()
                            + " safety=" + f.safetyDoc() + " features=" + f.targetFeatures() + " -> " + f.returnType())
                    .sorted().forEach(s -> sb.append(s).append('\n'));
            sb.append(new TreeMap<>(d.staticMuts())).append('\n')
                    .append(new TreeMap<>(d.unionFields())).append('\n')
                    .append(new TreeMap<>(d.pointerFields())).append('\n')
                    .append(new TreeMap<>(d.otherFields())).append('\n')
                    .append(new TreeMap<>(d.fieldKinds())).append('\n')
                    .append(d.moduleVisibility().entrySet().stream().map(Object::toString).sorted().toList()).append('\n')
                    .append(d.imports().stream().map(Object::toString).sorted().toList()).append('\n');
        }

        boolean hasSyntaxProblemIn(Chunk c) {
            for (SyntaxProblem p : analysis.syntaxProblems()) {
                if (p.range().start() < c.end() && p.range().end() >= c.start()) {
                    return true;
                }
            }
            return false;
        }

        /** The findings inside the chunk, relative to its start, with line numbers in messages masked. */
        List<String> findingsIn(Chunk c, boolean allRules) {
            List<String> out = new ArrayList<>();
            for (Finding f : analysis.findings()) {
                if (f.range().start() >= c.start() && f.range().end() <= c.end()
                        && (allRules || LOCAL_RULES.contains(f.ruleId()))) {
                    // the item-only rules' places are the item's; their words may count what the
                    // context decides (an unsafe block's "2 unsafe operations")
                    out.add(f.ruleId() + " " + f.severity() + " @" + (f.range().start() - c.start()) + "+"
                            + f.range().length() + (allRules ? " " + f.message().replaceAll("line \\d+", "line N") : ""));
                }
            }
            return out;
        }
    }

    /** One change to a file's text: replace [start, end) with {@code insert}. */
    record Mutation(String kind, int start, int end, String insert) {
        String apply(String text) {
            return text.substring(0, start) + insert + text.substring(end);
        }

        static Mutation random(String text, List<Token> tokens, Random random) {
            TokenOffsets offsets = new TokenOffsets(text);
            List<Token> real = tokens.stream().filter(t -> t.getType() != Token.EOF).toList();
            int kind = random.nextInt(6);
            if (real.isEmpty() || text.isEmpty()) {
                kind = 4;
            }
            Token t = real.isEmpty() ? null : real.get(random.nextInt(real.size()));
            int tStart = t == null ? 0 : offsets.toUtf16(t.getStartIndex());
            int tEnd = t == null ? 0 : offsets.toUtf16(t.getStopIndex() + 1);
            int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
            at = safe(text, at);
            return switch (kind) {
                case 0 -> new Mutation("delete token", tStart, tEnd, "");
                case 1 -> new Mutation("duplicate token", tEnd, tEnd, text.substring(tStart, tEnd));
                case 2 -> new Mutation("insert token", tStart, tStart, TOKENS[random.nextInt(TOKENS.length)] + " ");
                case 3 -> {
                    int end = safe(text, Math.min(text.length(), at + 1 + random.nextInt(8)));
                    yield new Mutation("delete bytes", at, Math.max(at, end), "");
                }
                case 4 -> new Mutation("insert bytes", at, at, randomChars(random));
                default -> new Mutation("truncate", at, text.length(), "");
            };
        }

        /** Never split a surrogate pair: a mutated file is still a valid Java string of code points. */
        private static int safe(String text, int offset) {
            if (offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))) {
                return offset - 1;
            }
            return offset;
        }

        private static String randomChars(Random random) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                sb.append(random.nextBoolean() ? (char) (32 + random.nextInt(95)) : TOKENS[random.nextInt(TOKENS.length)]);
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return kind + " at " + start + ".." + end + (insert.isEmpty() ? "" : " inserting '" + insert
                    .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replace("\u0000", "\\0") + "'");
        }
    }
}
