package dev.unsafehints.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.analysis.InventorySite;
import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.lsp.features.SemanticTokensBuilder;
import dev.unsafehints.report.DependencyTable;
import dev.unsafehints.report.ReviewChecklist;
import dev.unsafehints.report.UnsafeKinds;
import dev.unsafehints.rules.inventory.InventoryKinds;
import dev.unsafehints.rules.operations.OperationKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a rule declares is the one place that says it: its id is written only in its own class
 * (everything else refers to {@code SomeRule.ID}), and every counting rule has its column, its
 * words, its review questions and (for operations) its token type, so a new rule cannot be left
 * out of a report, a checklist or the editor's tokens without a test failing here.
 */
class RuleDeclarationsTest {
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    @Test
    void aRuleIdIsWrittenOnlyInItsOwnClass() throws IOException {
        Map<String, RuleDescriptor> byId = RuleCatalog.all().stream()
                .collect(Collectors.toMap(RuleDescriptor::id, r -> r));
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MAIN_SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 100, "the main sources were not found from " + Path.of("").toAbsolutePath());
        for (Path file : files) {
            String text = Files.readString(file);
            for (Literal literal : JavaLiterals.of(text)) {
                RuleDescriptor rule = byId.get(literal.value());
                boolean label = text.startsWith("column = ", literal.start() - "column = ".length());
                if (rule != null && !isClassOf(file, rule) && !label) { // a column label may read like an id ("union")
                    found.add(MAIN_SOURCES.relativize(file) + ":" + literal.line() + ": \"" + literal.value() + "\"");
                }
            }
        }
        assertEquals(List.of(), found, "rule ids written as literals outside their rule (use the rule's ID)");
    }

    private static boolean isClassOf(Path file, RuleDescriptor rule) {
        return file.endsWith(rule.ruleClass().getName().replace('.', '/') + ".java");
    }

    @Test
    void theLiteralFinderSeesCodeAndSkipsComments() {
        String text = """
                // "unsafe-block" in a line comment
                /* "unsafe-fn" in a block comment */
                String a = "union"; char q = '"'; String b = "a \\" quote";
                String c = \"""
                    "text block"
                    \""";
                """;
        List<String> values = JavaLiterals.of(text).stream().map(Literal::value).toList();
        assertEquals(List.of("union", "a \\\" quote", "    \"text block\"\n    "), values);
        assertEquals(3, JavaLiterals.of(text).get(0).line());
    }

    @Test
    void everyCountingRuleHasItsColumnWordsAndQuestions() {
        Set<String> columns = new HashSet<>();
        UnsafeKinds.INVENTORY.forEach(k -> columns.add(k.ruleId()));
        UnsafeKinds.OPERATIONS.forEach(k -> columns.add(k.ruleId()));
        for (RuleDescriptor r : RuleCatalog.all()) {
            if (r.category() == RuleInfo.Category.GUIDELINE) {
                assertTrue(r.column().isEmpty(), r.id() + ": a guideline has no inventory column");
                continue;
            }
            assertFalse(r.column().isBlank(), r.id() + " declares no report column");
            assertFalse(r.noun().isBlank(), r.id() + " declares no noun for the reports' sentences");
            assertTrue(columns.contains(r.id()), r.id() + " is missing from the crate tables");
            assertFalse(r.checklist().isEmpty(), r.id() + " declares no review questions");
            assertEquals(r.checklist(), ReviewChecklist.forRule(r.id()));
        }
        assertDistinctOrders(RuleInfo.Category.INVENTORY);
        assertDistinctOrders(RuleInfo.Category.OPERATION);
    }

    private static void assertDistinctOrders(RuleInfo.Category category) {
        List<Integer> orders = RuleCatalog.all().stream().filter(r -> r.category() == category)
                .map(RuleDescriptor::columnOrder).toList();
        assertEquals(orders.size(), new HashSet<>(orders).size(), category + " rules share a column position");
    }

    @Test
    void everyOperationRuleHasATokenTypeOfTheLegend() {
        for (RuleDescriptor r : RuleCatalog.all()) {
            if (r.category() == RuleInfo.Category.OPERATION) {
                assertTrue(SemanticTokensBuilder.TOKEN_TYPES.contains(r.tokenType()),
                        r.id() + " declares no token type of the legend: '" + r.tokenType() + "'");
            } else {
                assertTrue(r.tokenType().isEmpty(), r.id() + ": only operation rules are tokens");
            }
        }
    }

    @Test
    void everyKindOfTheAnalysisHasItsRule() {
        for (InventorySite.Kind kind : InventorySite.Kind.values()) {
            String id = InventoryKinds.ruleId(kind);
            assertEquals(RuleInfo.Category.INVENTORY, RuleCatalog.byId(id).orElseThrow().category(), kind.name());
        }
        for (OperationKind kind : OperationKind.values()) {
            String id = OperationKinds.ruleId(kind);
            assertEquals(RuleInfo.Category.OPERATION, RuleCatalog.byId(id).orElseThrow().category(), kind.name());
            assertEquals(kind, OperationKinds.ofRule(id).orElseThrow());
        }
        long operationRules = RuleCatalog.all().stream().filter(r -> r.category() == RuleInfo.Category.OPERATION).count();
        assertEquals(OperationKind.values().length, operationRules, "an operation rule without its kind");
    }

    @Test
    void everyCountingRuleSaysWhatReviewMakesOfIt() {
        for (RuleDescriptor r : RuleCatalog.all()) {
            switch (r.category()) {
                case OPERATION -> assertEquals(RuleInfo.ReviewRole.COVERED, r.review(),
                        r.id() + ": the checklist lists each operation of a site itself");
                case INVENTORY -> assertTrue(r.review() != RuleInfo.ReviewRole.GAP,
                        r.id() + " does not say whether it is a review site or covered by one");
                case GUIDELINE -> assertFalse(r.review().isSite(), r.id() + ": a guideline finding is no review site");
            }
        }
    }

    @Test
    void reviewKeepsNoHandListOfRules() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(MAIN_SOURCES.resolve("dev/unsafehints/review"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                for (int at = text.indexOf(".of("); at >= 0; at = text.indexOf(".of(", at + 1)) {
                    String call = argumentsOf(text, at + ".of(".length());
                    if (RULE_ID_REFERENCE.matcher(call).results().count() >= 2) {
                        found.add(MAIN_SOURCES.relativize(file) + ": " + call.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertEquals(List.of(), found, "review lists rules by hand (declare the role on the rule: @RuleInfo(review = ..))");
    }

    @Test
    void reportNamesNoRule() throws IOException {
        // the report's columns, coverages and sentences come from what the rules declare, so a new rule
        // cannot be left out of one of them by a list that forgot it
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(MAIN_SOURCES.resolve("dev/unsafehints/report"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                RULE_ID_REFERENCE.matcher(text).results()
                        .forEach(m -> found.add(MAIN_SOURCES.relativize(file) + ": " + m.group()));
                RULE_CLASS_IMPORT.matcher(text).results()
                        .forEach(m -> found.add(MAIN_SOURCES.relativize(file) + ": " + m.group()));
            }
        }
        assertEquals(List.of(), found, "the report names rules (declare what it needs on @RuleInfo and read the catalogue)");
    }

    @Test
    void everySafetyTextHasItsSitesAndTheRuleThatMissesIt() {
        for (RuleInfo.SafetyText text : RuleInfo.SafetyText.values()) {
            if (text == RuleInfo.SafetyText.NONE) {
                continue;
            }
            List<String> sites = UnsafeKinds.documentedBy(text);
            assertFalse(sites.isEmpty(), "no rule's sites are documented by " + text);
            sites.forEach(id -> assertTrue(UnsafeKinds.SITES.contains(id), id + " is documented but no unsafe site"));
            long missing = RuleCatalog.all().stream().filter(r -> r.reportsMissing() == text).count();
            assertEquals(1, missing, "rules reporting a missing " + text);
            assertEquals(RuleInfo.Category.GUIDELINE, RuleCatalog.byId(UnsafeKinds.missingRule(text)).orElseThrow().category());
        }
        for (RuleDescriptor r : RuleCatalog.all()) {
            if (r.category() != RuleInfo.Category.INVENTORY) {
                assertFalse(r.unsafeSite() || r.safeCode() || r.narrowColumn() || !r.holdsOperations()
                        || r.documentedBy() != RuleInfo.SafetyText.NONE, r.id() + ": only inventory rules count sites");
            }
            assertFalse(r.unsafeSite() && r.safeCode(), r.id() + ": an unsafe site is not safe code");
        }
        assertEquals(List.of("unsafe-block", "unsafe-fn", "unsafe-impl", "unsafe-trait", "extern-block", "unsafe-attr"),
                UnsafeKinds.SITES);
        assertEquals(List.of("blocks", "fns", "impls", "traits", "extern"),
                DependencyTable.COLUMNS.stream().map(UnsafeKinds.Kind::label).toList());
        assertEquals(List.of("blocks", "fns", "impls", "traits", "extern", "casts"),
                UnsafeKinds.NARROW.stream().map(UnsafeKinds.Kind::label).toList());
    }

    private static final java.util.regex.Pattern RULE_CLASS_IMPORT = java.util.regex.Pattern.compile(
            "import dev\\.unsafehints\\.rules\\.(inventory|operations|guideline)\\.\\w+Rule;");

    private static final java.util.regex.Pattern RULE_ID_REFERENCE = java.util.regex.Pattern.compile("\\w+Rule\\.ID\\b");

    /** The text of a call's arguments, from just after its `(` to the matching `)`. */
    private static String argumentsOf(String text, int from) {
        int depth = 1;
        int i = from;
        while (i < text.length() && depth > 0) {
            char c = text.charAt(i++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return text.substring(from, Math.max(from, i - 1));
    }

    @Test
    void theLintNamesAreTheRulesDeclarations() {
        Map<String, String> declared = RuleCatalog.all().stream()
                .flatMap(r -> r.lints().stream().map(l -> Map.entry(l, r.id())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(declared, RuleNames.LINT_TO_RULE);
        assertEquals("missing-safety-comment", RuleNames.ruleOfLint("clippy::undocumented_unsafe_blocks").orElseThrow());
        assertEquals("ptr-as-ptr", RuleNames.ruleOfLint("ptr_as_ptr").orElseThrow());
        assertEquals("mem-uninitialized", RuleNames.ruleOfLint("invalid_value").orElseThrow());
    }

    /** A string literal of Java source, the line it starts on and the offset of its opening quote. */
    record Literal(String value, int line, int start) {
    }

    /** Finds the string literals of a Java source, skipping comments and char literals. */
    static final class JavaLiterals {
        private JavaLiterals() {
        }

        static List<Literal> of(String text) {
            List<Literal> literals = new ArrayList<>();
            int line = 1;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (text.startsWith("//", i)) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? text.length() : end;
                } else if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    end = end < 0 ? text.length() : end + 2;
                    line += count(text, i, end);
                    i = end;
                } else if (text.startsWith("\"\"\"", i)) {
                    int start = text.indexOf('\n', i) + 1;
                    int end = closing(text, start, "\"\"\"");
                    literals.add(new Literal(text.substring(start, end), line, i));
                    line += count(text, i, end);
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    int end = closing(text, i + 1, String.valueOf(c));
                    if (c == '"') {
                        literals.add(new Literal(text.substring(i + 1, end), line, i));
                    }
                    i = end + 1;
                } else {
                    i++;
                }
            }
            return literals;
        }

        /** Where the literal opened before {@code from} closes: the next unescaped {@code quote}. */
        private static int closing(String text, int from, String quote) {
            int i = from;
            while (i < text.length() && !text.startsWith(quote, i)) {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i, text.length());
        }

        private static int count(String text, int from, int to) {
            int n = 0;
            for (int i = from; i < to && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            return n;
        }
    }
}
