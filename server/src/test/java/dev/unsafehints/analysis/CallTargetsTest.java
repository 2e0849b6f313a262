package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the unsafe-call findings for fn pointers and slice methods say, and the cases the rule fixture
 * cannot hold because they need a crate of their own (a crate method named like a std one).
 */
class CallTargetsTest {
    private static List<Finding> unsafeCalls(String text) {
        FileAnalysis a = new Analyzer().analyze(new SourceDocument(Path.of("t.rs"), text,
                new CrateInfo(null, "t", "0.0.0", Edition.E2021)), AnalysisSettings.DEFAULT, WorkspaceIndex.empty());
        return a.findings().stream().filter(f -> f.ruleId().equals("unsafe-call")).toList();
    }

    @Test
    void aFnPointerFieldCallNamesTheFieldItsTypeAndWhereItIsDeclared() {
        String text = """
                type Hook = unsafe fn(u8) -> u8;
                struct Wrapped(Hook);
                impl Wrapped {
                    fn call(&self) -> u8 { unsafe { (self.0)(1) } }
                }
                """;
        List<Finding> calls = unsafeCalls(text);
        assertEquals(1, calls.size(), calls.toString());
        Finding call = calls.get(0);
        assertEquals(text.indexOf("(self.0)"), call.range().start());
        assertTrue(call.message().contains("call through unsafe function pointer `self.0`"), call.message());
        assertTrue(call.message().contains("`Wrapped::0` is declared `Hook`, an alias of `unsafe fn(u8) -> u8`"),
                call.message());
        assertEquals(1, call.related().size(), call.related().toString());
        assertEquals(text.indexOf("Hook);"), call.related().get(0).range().start());
    }

    @Test
    void aParameterCallPointsAtTheParameter() {
        String text = "fn f(cb: unsafe extern \"C\" fn()) { unsafe { cb() } }\n";
        List<Finding> calls = unsafeCalls(text);
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).message().contains("`cb` is declared `unsafe extern \"C\" fn()`"), calls.get(0).message());
        assertEquals(text.indexOf("cb:"), calls.get(0).related().get(0).range().start());
    }

    @Test
    void anAliasThatIsAlsoAStructNameIsNotFollowed() {
        String text = """
                mod a { pub type Hook = unsafe fn(); }
                mod b { pub struct Hook { pub x: u8 } }
                fn f(h: Hook) { unsafe { h() } }
                """;
        assertEquals(List.of(), unsafeCalls(text));
    }

    @Test
    void aTypeParameterHidesAnAliasOfTheSameName() {
        String text = """
                type Hook = unsafe fn();
                fn f<Hook: Fn()>(h: Hook) { h() }
                fn g(h: Hook) { unsafe { h() } }
                """;
        List<Finding> calls = unsafeCalls(text);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals(text.indexOf("h() } }"), calls.get(0).range().start());
    }

    @Test
    void aTupleFieldOfATypeTheCrateDoesNotDeclareIsNotLookedUpByName() {
        String text = """
                struct Hook(unsafe fn());
                type Pair = (fn(), u8);
                fn f(p: Pair) {
                    struct Local(fn());
                    impl Local { fn go(&self) { (self.0)() } }
                    (p.0)()
                }
                """;
        assertEquals(List.of(), unsafeCalls(text));
    }

    @Test
    void aCrateMethodNamedAlignToSilencesTheSliceMethod() {
        String text = """
                struct Grid;
                impl Grid { fn align_to(&self, n: usize) -> usize { n } }
                fn f(v: &[u32]) -> usize { unsafe { v.align_to::<u8>() }.1.len() }
                """;
        assertEquals(List.of(), unsafeCalls(text));
    }

    @Test
    void aSliceMethodSaysWhyTheReceiverIsASlice() {
        List<Finding> calls = unsafeCalls("fn f(v: &'a mut [u32]) -> usize { unsafe { v.align_to_mut::<u8>() }.1.len() }\n");
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).message().contains("`v` is declared `&'a mut [u32]`"), calls.get(0).message());
    }
}
