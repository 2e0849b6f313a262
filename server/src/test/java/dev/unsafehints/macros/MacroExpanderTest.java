package dev.unsafehints.macros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.grammar.RustLexer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** Macro-by-example: reading definitions, matching fragments and repetitions, transcribing, limits. */
class MacroExpanderTest {

    // ------------------------------------------------------------------ fragments

    @Test
    void anExpressionFragmentTakesTheWholeExpressionCommasInClosuresAndGenericsIncluded() {
        String m = "macro_rules! m { ($a:expr, $b:expr) => { f($b, $a) } }";
        assertEquals("f ( | x , y | x + y , Vec :: < u8 , A > :: new ( ) )",
                expand(m, "Vec::<u8, A>::new(), |x, y| x + y"));
        assertEquals("f ( 2 , 1 + * p )", expand(m, "1 + *p, 2"));
    }

    @Test
    void eachFragmentSpecifierMatchesWhatTheReferenceSays() {
        assertEquals("x", expand("macro_rules! m { ($i:ident) => { $i } }", "x"));
        assertEquals("self", expand("macro_rules! m { ($i:ident) => { $i } }", "self"));
        assertEquals("Vec < Box < dyn Fn ( ) > > ;", expand("macro_rules! m { ($t:ty) => { $t ; } }", "Vec<Box<dyn Fn()>>"));
        assertEquals("a :: b :: < T > :: c", expand("macro_rules! m { ($p:path) => { $p } }", "a::b::<T>::c"));
        assertEquals("Some ( x ) | None => 1", expand("macro_rules! m { ($p:pat => $e:expr) => { $p => $e } }",
                "Some(x) | None => 1"));
        assertEquals("Some ( x ) ;", expand("macro_rules! m { ($p:pat_param | $q:pat_param) => { $p ; } }",
                "Some(x) | None"));
        assertEquals("let x = 1 ;", expand("macro_rules! m { ($s:stmt) => { $s ; } }", "let x = 1"));
        assertEquals("{ unsafe { f ( ) } }", expand("macro_rules! m { ($b:block) => { $b } }", "{ unsafe { f() } }"));
        assertEquals("pub unsafe fn f ( ) { }", expand("macro_rules! m { ($i:item) => { $i } }", "pub unsafe fn f() {}"));
        assertEquals("( a b ) c", expand("macro_rules! m { ($t:tt $u:tt) => { $t $u } }", "(a b) c"));
        assertEquals("- 1 \"s\"", expand("macro_rules! m { ($a:literal $b:literal) => { $a $b } }", "-1 \"s\""));
        assertEquals("'a", expand("macro_rules! m { ($l:lifetime) => { $l } }", "'a"));
        assertEquals("# [ cfg ( unix ) ]", expand("macro_rules! m { ($m:meta) => { #[$m] } }", "cfg(unix)"));
        assertEquals("pub ( crate ) fn f ( ) { }", expand("macro_rules! m { ($v:vis fn $n:ident) => { $v fn $n() {} } }",
                "pub(crate) fn f"));
        assertEquals("fn f ( ) { }", expand("macro_rules! m { ($v:vis fn $n:ident) => { $v fn $n() {} } }", "fn f"));
    }

    @Test
    void aFragmentThatDoesNotParseMakesTheRuleFailAndTheNextOneIsTried() {
        String m = "macro_rules! m { ($e:expr) => { expr } ; ($($t:tt)*) => { tokens } }";
        assertEquals("expr", expand(m, "a + b"));
        assertEquals("tokens", expand(m, "=> =>"));
    }

    @Test
    void rulesAreTriedInOrderAndLiteralTokensMustMatch() {
        String m = "macro_rules! m { (read $e:expr) => { r($e) }; (write $e:expr) => { w($e) }; ($e:expr) => { e($e) } }";
        assertEquals("r ( p )", expand(m, "read p"));
        assertEquals("w ( p )", expand(m, "write p"));
        assertEquals("e ( p )", expand(m, "p"));
    }

    @Test
    void everyDelimiterWorksForRulesAndGroups() {
        // a rule's outer delimiters are not matched: `m![x]`, `m!(x)` and `m!{x}` are the same call
        assertEquals("[ x ]", expand("macro_rules! m [ [$i:ident] => ( [$i] ) ];", "x"));
        assertEquals("x", expand("macro_rules! m ( {$i:ident} => [ $i ] );", "x"));
        assertEquals("x", expand("macro_rules! m { ([$i:ident]) => { $i } }", "[x]"));
        assertEquals("no rule of `m!` matches this call", failure("macro_rules! m { ([$i:ident]) => { $i } }", "(x)"));
    }

    // ------------------------------------------------------------------ repetitions

    @Test
    void repetitionsWithSeparatorsAndOperators() {
        String m = "macro_rules! m { ($($a:expr),* $(,)?) => { [$($a;)*] } }";
        assertEquals("[ ]", expand(m, ""));
        assertEquals("[ 1 ; 2 ; ]", expand(m, "1, 2"));
        assertEquals("[ 1 ; 2 ; ]", expand(m, "1, 2,"));
        String plus = "macro_rules! m { ($($a:ident)+) => { $($a)|+ } }";
        assertEquals("a | b | c", expand(plus, "a b c"));
        assertEquals("no rule of `m!` matches this call", failure(plus, ""));
        String optional = "macro_rules! m { ($(mut)? $i:ident) => { $i } }";
        assertEquals("x", expand(optional, "mut x"));
        assertEquals("x", expand(optional, "x"));
    }

    @Test
    void nestedRepetitionsKeepTheirDepth() {
        String m = "macro_rules! m { ($($name:ident: [$($v:expr),*]);*) => { $(fn $name() { $(g($v);)* })* } }";
        assertEquals("fn a ( ) { g ( 1 ) ; g ( 2 ) ; } fn b ( ) { }", expand(m, "a: [1, 2]; b: []"));
    }

    @Test
    void aVariableOutsideItsRepetitionAndMismatchedCountsAreNotes() {
        assertTrue(failure("macro_rules! m { ($($a:ident)*) => { $a } }", "x y").contains("still repeating"));
        assertTrue(failure("macro_rules! m { ($($a:ident)* ; $($b:ident)*) => { $($a $b)* } }", "x y ; z")
                .contains("repeat 2 and 1 times"));
        assertTrue(failure("macro_rules! m { ($a:ident) => { $(x)* } }", "y").contains("no variable that repeats"));
    }

    @Test
    void theSocket2SyscallMacroExpands() {
        String m = """
                macro_rules! syscall {
                    ($fn: ident ( $($arg: expr),* $(,)* ) ) => {{
                        #[allow(unused_unsafe)]
                        let res = unsafe { libc::$fn($($arg, )*) };
                        if res == -1 { Err(std::io::Error::last_os_error()) } else { Ok(res) }
                    }};
                }""";
        assertEquals("{ # [ allow ( unused_unsafe ) ] let res = unsafe { libc :: bind ( fd , addr . as_ptr ( ) , len as _ , ) } ;"
                        + " if res == - 1 { Err ( std :: io :: Error :: last_os_error ( ) ) } else { Ok ( res ) } }",
                expand(m, "bind(fd, addr.as_ptr(), len as _)"));
    }

    @Test
    void nixFeatureMacroRepeatsItems() {
        String m = "macro_rules! feature { ( #![$meta:meta] $($item:item)* ) => { $( #[cfg($meta)] $item )* } }";
        assertEquals("# [ cfg ( feature = \"fs\" ) ] pub unsafe fn f ( ) { } # [ cfg ( feature = \"fs\" ) ] struct S ;",
                expand(m, "#![feature = \"fs\"] pub unsafe fn f() {} struct S;"));
    }

    // ------------------------------------------------------------------ tokens and positions

    @Test
    void crateBecomesTheCrateKeywordAndTheMacrosTokensTakeTheCallsPosition() {
        MacroDefinition d = definition("macro_rules! m { ($e:expr) => { $crate::f($e) } }");
        List<Token> call = lex("m!(x)");
        List<Token> out = MacroExpander.expand(d, CallSite.of("m", call.get(0), call.get(4)), call.subList(3, 4),
                ExpansionBudget.standard());
        assertEquals("crate :: f ( x )", text(out));
        assertEquals(RustLexer.KW_CRATE, out.get(0).getType());
        ExpandedToken written = (ExpandedToken) out.get(0);
        assertEquals("m", written.macroName());
        assertEquals(0, written.getStartIndex());
        assertEquals(4, written.getStopIndex());
        assertSame(call.get(3), out.get(4), "the argument is the call's own token");
    }

    @Test
    void unknownVariablesStayAsWrittenAndBadDefinitionsSayWhy() {
        assertEquals("$ y", expand("macro_rules! m { () => { $y } }", ""));
        assertTrue(failure("macro_rules! m { ($x) => { } }", "").contains("needs a fragment specifier"));
        assertTrue(failure("macro_rules! m { ($x:foo) => { } }", "").contains("unknown fragment specifier `foo`"));
        assertTrue(failure("macro_rules! m { () }", "").contains("expected `=>`"));
        assertTrue(failure("macro_rules! m { ($($x:ident)) => { } }", "").contains("expected `*`, `+` or `?`"));
        assertNull(definition("macro_rules! m { () => {} }").failure());
        assertTrue(definition("macro_rules! m { () => { unsafe {} } }").writesUnsafe());
    }

    // ------------------------------------------------------------------ limits

    @Test
    void recursionStopsAtTheDepthLimit() {
        // m!(x) expands to m!(x x): a recursion that never ends
        MacroDefinition d = definition("macro_rules! m { ($($t:tt)*) => { m!($($t)* x) } }");
        ExpansionBudget budget = new ExpansionBudget(16, 1_000_000, 1_000_000);
        ExpansionException e = assertThrows(ExpansionException.class, () -> expandRecursively(d, lex("x"), budget));
        assertTrue(e.getMessage().contains("recursion limit reached while expanding `m!` (16 nested"), e.getMessage());
    }

    @Test
    void exponentialExpansionsStopAtTheTokenLimitQuickly() {
        // each level doubles: 2^40 tokens if nothing stopped it
        MacroDefinition d = definition("macro_rules! m { ($($t:tt)*) => { m!($($t)* $($t)*) } }");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ExpansionException e = assertThrows(ExpansionException.class,
                    () -> expandRecursively(d, lex("a"), ExpansionBudget.standard()));
            assertTrue(e.getMessage().contains("exceeds 1,000,000 tokens"), e.getMessage());
        });
    }

    @Test
    void aMillionTokenExpansionIsStoppedInBoundedTime() {
        MacroDefinition d = definition("macro_rules! m { ($($t:tt)*) => { $($t $t $t $t $t $t $t $t $t $t)* } }");
        List<Token> input = new ArrayList<>();
        List<Token> one = lex("a");
        for (int i = 0; i < 200_000; i++) {
            input.add(one.get(0));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ExpansionException e = assertThrows(ExpansionException.class, () -> MacroExpander.expand(d,
                    CallSite.of("m", one.get(0), one.get(0)), input, ExpansionBudget.standard()));
            assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
        });
    }

    // ------------------------------------------------------------------ macros 2.0

    @Test
    void aMacro20WithOneRuleTakesItsMatcherFromTheFirstGroupAndItsTranscriberFromTheSecond() {
        MacroDefinition d = macro2("macro non_null(mut $place:expr, $t:ident) { unsafe { &mut *(&raw mut $place as *mut $t) } }");
        assertEquals("unsafe { & mut * ( & raw mut self . end as * mut u8 ) }", expand(d, "mut self.end, u8"));
        assertTrue(d.writesUnsafe());
    }

    @Test
    void aMacro20WithRulesSeparatesThemByCommasAndKeepsTheCommasInsideRules() {
        MacroDefinition d = macro2("macro m { (read $e:expr) => { r($e, 1) }, ($($e:expr),*) => { f($($e),*) }, }");
        assertEquals("r ( p , 1 )", expand(d, "read p"));
        assertEquals("f ( a , b )", expand(d, "a, b"));
    }

    @Test
    void aMacro20WhoseRulesDoNotReadSaysWhy() {
        assertEquals("the definition of `m!` cannot be read: expected `=>` after a matcher",
                macro2("macro m { (a) { b } }").failure());
    }

    // ------------------------------------------------------------------ metavariable expressions
    // the values are what nightly rustc prints for the same macros (RUSTC_BOOTSTRAP=1, feature macro_metavar_expr)

    @Test
    void countIsTheNumberOfFragmentsAtTheInnermostDepthOrAtTheDepthGivenFromThere() {
        assertEquals("3", expand("macro_rules! m { ($($x:ident),*) => { ${count($x)} } }", "a, b, c"));
        assertEquals("[ 2 , 1 ]", expand("macro_rules! m { ($({$($x:ident),*})*) => { [$(${count($x)}),*] } }", "{a, b} {c}"));
        assertEquals("( 3 , 2 )", expand("macro_rules! m { ($({$($x:ident),*})*) => { (${count($x)}, ${count($x, 1)}) } }",
                "{a, b} {c}"));
        assertEquals("`${count(.., 1)}` is deeper than `$x` repeats in `m!`",
                failure("macro_rules! m { ($($x:ident),*) => { ${count($x, 1)} } }", "a"));
        assertEquals("`${count(..)}` needs a metavariable that repeats at this depth in `m!`",
                failure("macro_rules! m { ($x:ident) => { ${count($x)} } }", "a"));
    }

    @Test
    void indexAndLenAreThePositionInAndLengthOfTheRepetitionBeingWritten() {
        assertEquals("[ 0 , 1 , 2 ]", expand("macro_rules! m { ($($x:ident),*) => { [$(${ignore($x)} ${index()}),*] } }",
                "a, b, c"));
        assertEquals("[ ( 0 , 0 , 2 , 2 ) , ( 0 , 1 , 2 , 2 ) , ( 1 , 0 , 2 , 1 ) ]",
                expand("macro_rules! m { ($({$($x:ident),*})*) => "
                        + "{ [$($( ${ignore($x)} (${index(1)}, ${index()}, ${len(1)}, ${len()}) ),*),*] } }", "{a, b} {c}"));
        assertEquals("`${index(0)}` is outside that many repetitions in `m!`",
                failure("macro_rules! m { () => { ${index()} } }", ""));
    }

    @Test
    void ignoreWritesNothingButDrivesItsRepetitionAsCoresTupleImplsDo() {
        assertEquals("self . 0 == other . 0 && self . 1 == other . 1",
                expand("macro_rules! m { ($($T:ident)+) => { $( ${ignore($T)} self.${index()} == other.${index()} )&&+ } }",
                        "A B"));
    }

    @Test
    void concatSpellsOneIdentifierAsStdsSyscallMacroNamesTheSyscallsNumber() {
        assertEquals("libc :: SYS_gettid", expand("macro_rules! m { ($n:ident) => { libc::${concat(SYS_, $n)} } }", "gettid"));
        assertEquals("fmt_u64_small", expand("macro_rules! m { ($f:ident) => { ${concat($f, _small)} } }", "fmt_u64"));
        assertEquals("ab_c", expand("macro_rules! m { ($s:literal) => { ${concat(a, $s, \"_c\")} } }", "\"b\""));
        assertEquals("`${concat(..)}` does not make an identifier: `a1-` in `m!`",
                failure("macro_rules! m { ($s:literal) => { ${concat(a, $s)} } }", "\"1-\""));
    }

    @Test
    void anUnknownMetavariableExpressionIsANoteAtTheCall() {
        assertEquals("the definition of `m!` cannot be read: `${..}` is not one of `count`, `index`, `len`, `ignore` or"
                + " `concat` with its arguments in parentheses",
                definition("macro_rules! m { ($n:ident) => { ${upper($n)} } }").failure());
    }

    /** `macro name ..` read from its text, as the analysis reads one of the file's. */
    private static MacroDefinition macro2(String text) {
        List<Token> tokens = lex(text);
        String name = tokens.get(1).getText();
        int firstEnd = TokenRun.of(tokens.subList(2, tokens.size())).closer(0) + 2;
        List<Token> first = tokens.subList(2, firstEnd + 1);
        List<Token> second = tokens.subList(firstEnd + 1, tokens.size());
        return MacroDefinition.read(name, Macro2Rules.asRulesBody(first, second));
    }

    private static String expand(MacroDefinition d, String call) {
        Token at = lex("m").get(0);
        return text(MacroExpander.expand(d, CallSite.of(d.name(), at, at), lex(call), ExpansionBudget.standard()));
    }

    // ------------------------------------------------------------------ helpers

    /** Expands, then expands every `name!(..)` in the result again, as the analysis does. */
    private static List<Token> expandRecursively(MacroDefinition d, List<Token> input, ExpansionBudget budget) {
        budget.enter(d.name());
        try {
            List<Token> out = MacroExpander.expand(d, CallSite.of(d.name(), input.isEmpty() ? lex("x").get(0) : input.get(0),
                    input.isEmpty() ? lex("x").get(0) : input.get(0)), input, budget);
            if (out.size() >= 4 && out.get(0).getText().equals(d.name()) && out.get(1).getText().equals("!")) {
                return expandRecursively(d, out.subList(3, out.size() - 1), budget);
            }
            return out;
        } finally {
            budget.exit();
        }
    }

    private static String expand(String definition, String call) {
        MacroDefinition d = definition(definition);
        List<Token> input = lex(call);
        Token at = lex("m").get(0);
        return text(MacroExpander.expand(d, CallSite.of(d.name(), at, at), input, ExpansionBudget.standard()));
    }

    private static String failure(String definition, String call) {
        return assertThrows(ExpansionException.class, () -> expand(definition, call)).getMessage();
    }

    /** `macro_rules! name { body }` read from its text. */
    static MacroDefinition definition(String text) {
        List<Token> tokens = lex(text);
        String name = tokens.get(2).getText();
        int end = tokens.get(tokens.size() - 1).getType() == RustLexer.SEMI ? tokens.size() - 2 : tokens.size() - 1;
        return MacroDefinition.read(name, tokens.subList(4, end));
    }

    static List<Token> lex(String text) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(text));
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    static String text(List<Token> tokens) {
        return tokens.stream().map(Token::getText).collect(Collectors.joining(" "));
    }
}
