package dev.unsafehints.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.SyntaxProblem;
import dev.unsafehints.cli.Main;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.NestingLimit;
import dev.unsafehints.text.TextPosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * 10,000 levels of nesting in every form the grammar nests: the analysis neither overflows its
 * stack nor takes minutes. Bracket nesting beyond {@link NestingLimit#MAX_DEPTH} is refused with
 * one clear syntax error at the first bracket too deep; nesting without brackets (closures, unary
 * operators, else-if chains) is analysed, and so is the body of a safe fn without unsafe code,
 * which is not parsed at all. The scanner reports such files and goes on with the
 * others; the server is attacked the same way in {@link LspAttackTest}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // turns a hang into a failure; each case takes well under a second
class DeepNestingTest {
    private static final int N = 10_000;

    /** Name, text, and whether it is refused (brackets) or analysed. */
    record Nest(String name, String text, boolean refused) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Nest> nests() {
        return List.of(
                new Nest("parentheses", "unsafe fn f() { let x = " + "(".repeat(N) + "1" + ")".repeat(N) + "; }\n", true),
                new Nest("blocks", "unsafe fn f() " + "{".repeat(N) + "}".repeat(N) + "\n", true),
                new Nest("unsafe blocks", "fn f(p: *const u8) " + "{ unsafe ".repeat(N) + "{ *p }" + " }".repeat(N) + "\n", true),
                new Nest("generic arguments", "type T = " + "Vec<".repeat(N) + "u8" + ">".repeat(N) + ";\n", true),
                new Nest("generic arguments with spaces", "type T = " + "Vec < ".repeat(N) + "u8" + " >".repeat(N) + ";\n", true),
                new Nest("macro token trees", "m!" + "(".repeat(N / 2) + "[{".repeat(N / 4) + "}]".repeat(N / 4) + ")".repeat(N / 2) + ";\n", true),
                new Nest("arrays", "unsafe fn f() { let x = " + "[".repeat(N) + "]".repeat(N) + "; }\n", true),
                new Nest("calls", "unsafe fn f() { " + "g(".repeat(N) + ")".repeat(N) + "; }\n", true),
                new Nest("modules", "mod m { ".repeat(N) + "}".repeat(N) + "\n", true),
                new Nest("closures", "fn f() { let c = " + "|x| ".repeat(N) + "x; }\n", false),
                new Nest("closures in blocks", "unsafe fn f() { let c = " + "|x| { ".repeat(N) + "x" + " }".repeat(N) + "; }\n", true),
                new Nest("unary operators", "fn f(p: *const u8) { let x = unsafe { " + "-!".repeat(N / 2) + "*p }; }\n", false),
                new Nest("references", "fn f() { let x = " + "&".repeat(N) + "1; }\n", false),
                new Nest("else-if chain", "fn f(a: bool) { if a {} " + "else if a {} ".repeat(N) + "}\n", false),
                new Nest("pointer types", "static mut P: " + "*const ".repeat(N) + "u8 = 0 as _;\n", false),
                // the body of a safe fn without unsafe code is not parsed at all, however deep
                new Nest("parentheses in a safe fn", "fn f() { let x = " + "(".repeat(N) + "1" + ")".repeat(N) + "; }\n", false),
                new Nest("blocks in a safe fn", "fn f() " + "{".repeat(N) + "}".repeat(N) + "\n", false));
    }

    @ParameterizedTest
    @MethodSource("nests")
    void tenThousandLevelsAreRefusedClearlyOrAnalysed(Nest nest) {
        FileAnalysis a = FilePipeline.run(nest.text(), Edition.E2021);
        if (nest.refused()) {
            assertEquals(1, a.syntaxProblems().size(), a.syntaxProblems().toString());
            SyntaxProblem p = a.syntaxProblems().get(0);
            assertEquals("nesting too deep: more than " + NestingLimit.MAX_DEPTH + " levels of brackets here; "
                    + NestingLimit.NOT_ANALYZED, p.message());
            assertTrue(a.findings().isEmpty());
            TextPosition at = a.source().positionAt(p.range().start());
            assertEquals(0, at.line());
        } else {
            assertTrue(a.syntaxProblems().isEmpty(), a.syntaxProblems().toString());
        }
    }

    @Test
    void nestingUpToTheLimitIsAnalysedWithItsFindings() {
        int depth = NestingLimit.MAX_DEPTH - 2; // the fn body and the unsafe block are two levels
        String text = "fn f(p: *const u8) -> u8 { unsafe { " + "(".repeat(depth) + "*p" + ")".repeat(depth) + " } }\n";
        FileAnalysis a = FilePipeline.run(text, Edition.E2021);
        assertTrue(a.syntaxProblems().isEmpty(), a.syntaxProblems().toString());
        assertTrue(a.findings().stream().anyMatch(f -> f.ruleId().equals("unsafe-block")));
        assertTrue(a.findings().stream().anyMatch(f -> f.ruleId().equals("raw-pointer-deref")));
    }

    @Test
    void theScannerReportsDeepFilesAndGoesOn(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"deep\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Map<String, String> refused = new HashMap<>();
        for (Nest nest : nests()) {
            String name = nest.name().replace(' ', '_').replace('-', '_') + ".rs";
            Files.writeString(src.resolve(name), nest.text());
            if (nest.refused()) {
                refused.put("src/" + name, nest.name());
            }
        }
        Files.writeString(src.resolve("lib.rs"), "pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n");
        Path report = dir.resolve("report.json");
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute("scan", "--format", "json", "--fail-on", "none",
                "-o", report.toString(), dir.toString());
        assertEquals(0, code, "syntax errors are reported, they are no internal errors");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(0, json.path("skippedFiles").size(), json.path("skippedFiles").toString());
        int refusedSeen = 0;
        for (JsonNode file : json.path("files")) {
            String path = file.path("path").asText();
            if (refused.containsKey(path)) {
                refusedSeen++;
                assertTrue(file.path("syntaxErrors").get(0).path("message").asText().contains("nesting too deep"),
                        path + ": " + file.path("syntaxErrors"));
            }
            if (path.equals("src/lib.rs")) {
                assertTrue(file.path("sites").toString().contains("unsafe-block"), file.toString());
            }
        }
        assertEquals(refused.size(), refusedSeen);
    }
}
