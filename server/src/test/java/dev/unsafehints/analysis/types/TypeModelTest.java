package dev.unsafehints.analysis.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The analysis finds exactly the unsafe operations each type-model fixture marks. */
class TypeModelTest {
    static Stream<Path> fixtures() throws Exception {
        return TypeModelFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findsExactlyTheMarkedOperations(Path fixture) throws IOException {
        String text = Files.readString(fixture);
        CrateInfo crate = new CrateInfo(null, "fixture", "0.0.0", Edition.E2021);
        FileAnalysis analysis = new Analyzer().analyze(new SourceDocument(fixture.getFileName(), text, crate),
                AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
        Map<Integer, Integer> actual = new TreeMap<>();
        for (Finding f : analysis.findings()) {
            if (TypeModelFixtures.OPERATION_RULES.contains(f.ruleId())) {
                actual.merge(analysis.start(f).line() + 1, 1, Integer::sum);
            }
        }
        assertEquals(TypeModelFixtures.expected(text), actual, () -> "operations by line (expected vs actual): "
                + analysis.findings().stream().filter(f -> TypeModelFixtures.OPERATION_RULES.contains(f.ruleId()))
                .map(f -> (analysis.start(f).line() + 1) + ": " + f.message()).collect(Collectors.joining("\n")));
    }

    @Test
    void parsesTheTypesTheIndexKeeps() {
        assertEquals("*const Node", TypeParser.parse("*const Node").display());
        assertEquals("&mut [u8]", TypeParser.parse("&'a mut [u8]").display());
        assertEquals("Option<&str>", TypeParser.parse("Option<&'static str>").display());
        assertEquals("unsafe fn(*mut u8) -> i32", TypeParser.parse("unsafe extern \"C\" fn(p: *mut u8) -> i32").display());
        assertEquals("(*mut T, usize)", TypeParser.parse("(*mut T, usize)").display());
        assertEquals("[u8; _]", TypeParser.parse("[u8; N * 2]").display());
        assertEquals("impl Deref + Send", TypeParser.parse("dyn Deref<Target = u8> + Send + 'static").display());
        assertEquals("_", TypeParser.parse("<T as Trait>::Output").display());
        assertEquals("page::slot::Guard<Option<T>, C>", TypeParser.parse("page::slot::Guard<Option<T>, C>").display());
        assertEquals("Vec<u8>", TypeParser.parse("Vec::<u8>").display());
        assertEquals("impl Iterator<*const u8>", TypeParser.parse("impl Iterator<Item = *const u8>").display());
        assertEquals("_", TypeParser.parse("Vec<").display());
        assertEquals("_", TypeParser.parse("&".repeat(100_000)).display()); // bounded: no stack overflow
        assertEquals("_", TypeParser.parse("Vec<".repeat(5_000) + "u8" + ">".repeat(5_000)).display());
    }

    @Test
    void substitutesGenericParameters() {
        Ty field = TypeParser.parse("UnsafeCell<T>");
        Ty bound = field.substitute(Map.of("T", TypeParser.parse("Vec<u8>")));
        assertEquals("UnsafeCell<Vec<u8>>", bound.display());
        assertEquals(List.of(), ((Ty.Named) TypeParser.parse("Self")).args());
    }
}
