package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which function bodies the two skipping modes leave out, and that what stays is exact. */
class BodySkippingTokenSourceTest {
    private static String kept(String code, BodySkippingTokenSource.Mode mode) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(code));
        org.antlr.v4.runtime.TokenSource source = mode == null ? lexer : new BodySkippingTokenSource(lexer, mode);
        List<String> texts = new ArrayList<>();
        for (Token t = source.nextToken(); t.getType() != Token.EOF; t = source.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                texts.add(t.getText());
            }
        }
        return String.join(" ", texts);
    }

    private static String safeBodies(String code) {
        return kept(code, BodySkippingTokenSource.Mode.SAFE_BODIES);
    }

    @Test
    void declarationsModeEmptiesEveryBody() {
        assertEquals("fn a ( ) -> u8 { } unsafe fn b ( ) { } struct S ;",
                kept("fn a() -> u8 { let x = 1; x } unsafe fn b() { *p } struct S;", BodySkippingTokenSource.Mode.ALL_BODIES));
    }

    @Test
    void aMacroDefinitionIsKeptWholeInEveryMode() {
        // the fns in a macro's text are what its expansions copy: no mode may empty them, or a
        // declarations-only parse and a full one would read different definitions
        String code = "macro_rules! m { ($t:ident) => { impl $t { fn f(&self) -> u8 { 1 } unsafe fn g() { *P } } }; }"
                + " fn h() { 2 }";
        String whole = kept(code, null);
        for (BodySkippingTokenSource.Mode mode : BodySkippingTokenSource.Mode.values()) {
            assertEquals(whole.replace("fn h ( ) { 2 }", "fn h ( ) { }"), kept(code, mode), mode.toString());
        }
        assertEquals("macro_rules ( ) ; fn f ( ) { }", kept("macro_rules(); fn f() { 3 }", BodySkippingTokenSource.Mode.ALL_BODIES),
                "`macro_rules` that starts no definition");
    }

    @Test
    void safeBodiesWithoutSignsOfUnsafeCodeAreEmptied() {
        assertEquals("fn a ( ) -> u8 { } fn b ( ) { }", safeBodies("fn a() -> u8 { let v = vec![1]; v[0] } fn b() { c(&x) }"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unsafe { f() }", "let p = x as *const u8;", "let p: *mut T = q;", "&raw const X",
            "ptr::addr_of!(x)", "core::arch::asm!(\"nop\")", "extern \"C\" { fn f(); }", "static mut X: u8 = 0;",
            "#[no_mangle] extern fn g() {}", "#[unsafe(export_name = \"g\")] fn g() {}", "union U { a: u8 }"})
    void aBodyWithASignOfUnsafeCodeIsKept(String statement) {
        String code = "fn a() { " + statement + " }";
        assertEquals(kept(code, null), safeBodies(code));
    }

    @Test
    void aCallOfAMacroThatWritesUnsafeIsASignButItsNameAloneIsNot() {
        String call = "fn a(fd: i32) -> R { syscall!(close(fd)) }";
        RustLexer lexer = new RustLexer(CharStreams.fromString(call));
        org.antlr.v4.runtime.TokenSource source = new BodySkippingTokenSource(lexer,
                BodySkippingTokenSource.Mode.SAFE_BODIES).withMacroSigns(java.util.Set.of("syscall"));
        List<String> texts = new ArrayList<>();
        for (Token t = source.nextToken(); t.getType() != Token.EOF; t = source.nextToken()) {
            texts.add(t.getText());
        }
        assertEquals(kept(call, null), String.join(" ", texts));
        assertEquals("fn a ( fd : i32 ) -> R { }", safeBodies(call), "without the crate's macros it is skipped");
        RustLexer plain = new RustLexer(CharStreams.fromString("fn a(syscall: i32) -> i32 { syscall + 1 }"));
        org.antlr.v4.runtime.TokenSource named = new BodySkippingTokenSource(plain,
                BodySkippingTokenSource.Mode.SAFE_BODIES).withMacroSigns(java.util.Set.of("syscall"));
        List<String> namedTexts = new ArrayList<>();
        for (Token t = named.nextToken(); t.getType() != Token.EOF; t = named.nextToken()) {
            namedTexts.add(t.getText());
        }
        assertEquals("fn a ( syscall : i32 ) -> i32 { }", String.join(" ", namedTexts));
    }

    @Test
    void anInferredCastIsASignOnlyWhenTheSignatureNamesARawPointer() {
        String pointer = "fn a(&self) -> *const u8 { self.xs.as_ptr() as _ }";
        assertEquals(kept(pointer, null), safeBodies(pointer));
        assertEquals("fn a ( x : u8 ) -> u32 { }", safeBodies("fn a(x: u8) -> u32 { x as _ }"));
        assertEquals("fn a ( p : * mut u8 ) -> usize { }", safeBodies("fn a(p: *mut u8) -> usize { p as usize }"));
    }

    @Test
    void theBodyOfAnUnsafeFunctionIsKept() {
        for (String qualifiers : List.of("unsafe fn", "pub unsafe fn", "const unsafe fn", "unsafe extern \"C\" fn",
                "pub(crate) const unsafe extern \"C\" fn")) {
            String code = qualifiers + " a(p: u8) { g(p) }";
            assertEquals(kept(code, null), safeBodies(code), code);
        }
    }

    @Test
    void nestedFunctionsAreJudgedOnTheirOwn() {
        assertEquals("fn outer ( ) { fn inner ( ) { } unsafe { f ( ) } }",
                safeBodies("fn outer() { fn inner() { let a = 1; } unsafe { f() } }"));
        assertEquals("fn outer ( ) { }", safeBodies("fn outer() { fn inner() { g() } }"));
    }

    @Test
    void functionPointerTypesConstBlocksAndMacroPatternsAreNotBodies() {
        assertEquals("struct S { f : fn ( u8 ) -> u8 , g : u8 }", safeBodies("struct S { f: fn(u8) -> u8, g: u8 }"));
        assertEquals("fn a < const N : usize > ( ) -> Foo < { N + 1 } > where [ ( ) ; { N } ] : , { }",
                safeBodies("fn a<const N: usize>() -> Foo<{ N + 1 }> where [(); { N }]:, { b() }"));
        assertEquals("macro_rules ! m { ( fn $ x : ident ) => { } }", safeBodies("macro_rules! m { (fn $x:ident) => {} }"));
    }

    @Test
    void positionsOfKeptTokensAreTheirOwn() {
        String code = "fn a() { let x = 1; }\nunsafe fn b() {}";
        RustLexer lexer = new RustLexer(CharStreams.fromString(code));
        BodySkippingTokenSource source = new BodySkippingTokenSource(lexer, BodySkippingTokenSource.Mode.SAFE_BODIES);
        Token t = source.nextToken();
        while (!t.getText().equals("b")) {
            t = source.nextToken();
        }
        assertEquals(code.indexOf("b()"), t.getStartIndex());
        assertEquals(2, t.getLine());
    }

    @Test
    void anUnclosedBodyEndsAtTheEndOfTheFile() {
        ParsedFile parsed = RustParsing.parseUnsafeRelevant("fn a() { let x = 1;\nfn b() {}", Edition.E2021);
        assertTrue(parsed.hasErrors(), "the missing brace is still reported");
    }
}
