package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tokens that are easy to get wrong, and the lexical errors rustc would report. */
class LexerTest {
    /** Token types and texts on the default channel, as "TYPE:text" (the symbolic name of the type). */
    static List<String> tokens(String text, Edition edition) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(RustParsing.blankShebang(text)));
        lexer.setEdition(edition);
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                out.add(RustLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText());
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ==> ", quoteCharacter = '`', textBlock = """
        x.0.1          ==> IDENTIFIER:x DOT:. FLOAT_LITERAL:0.1
        1..2           ==> INTEGER_LITERAL:1 DOTDOT:.. INTEGER_LITERAL:2
        1.max(2)       ==> INTEGER_LITERAL:1 DOT:. IDENTIFIER:max LPAREN:( INTEGER_LITERAL:2 RPAREN:)
        1.0.max(2.0)   ==> FLOAT_LITERAL:1.0 DOT:. IDENTIFIER:max LPAREN:( FLOAT_LITERAL:2.0 RPAREN:)
        1.             ==> FLOAT_LITERAL:1.
        1._x           ==> INTEGER_LITERAL:1 DOT:. IDENTIFIER:_x
        1e10f64 2.5E-3 ==> FLOAT_LITERAL:1e10f64 FLOAT_LITERAL:2.5E-3
        0x1F_u8 1f32 0b1010 0o77 ==> INTEGER_LITERAL:0x1F_u8 INTEGER_LITERAL:1f32 INTEGER_LITERAL:0b1010 INTEGER_LITERAL:0o77
        'a' 'a         ==> CHAR_LITERAL:'a' LIFETIME:'a
        '\\'' '\\\\' '\\u{1F600}' b'a' ==> CHAR_LITERAL:'\\'' CHAR_LITERAL:'\\\\' CHAR_LITERAL:'\\u{1F600}' CHAR_LITERAL:b'a'
        'static '_ 'r#a ==> LIFETIME:'static LIFETIME:'_ LIFETIME:'r#a
        r#"a "b" c"#   ==> RAW_STRING_LITERAL:r#"a "b" c"#
        r##"a "# b"##  ==> RAW_STRING_LITERAL:r##"a "# b"##
        br#"x"# cr"y"  ==> RAW_STRING_LITERAL:br#"x"# RAW_STRING_LITERAL:cr"y"
        "a\\"b" c"d" b"e" ==> STRING_LITERAL:"a\\"b" STRING_LITERAL:c"d" STRING_LITERAL:b"e"
        r#type r#match  ==> IDENTIFIER:r#type IDENTIFIER:r#match
        a /* x /* y */ z */ b ==> IDENTIFIER:a IDENTIFIER:b
        a /* lone * star */ b ==> IDENTIFIER:a IDENTIFIER:b
        a /***/ b /**/ c ==> IDENTIFIER:a IDENTIFIER:b IDENTIFIER:c
        a //// x\\n b   ==> IDENTIFIER:a IDENTIFIER:b
        Vec<Vec<u8>>   ==> IDENTIFIER:Vec LT:< IDENTIFIER:Vec LT:< IDENTIFIER:u8 GT:> GT:>
        a >>= b        ==> IDENTIFIER:a GT:> GT:> EQ:= IDENTIFIER:b
        grüße          ==> IDENTIFIER:grüße
        """)
    void lexes(String input, String expected) {
        String text = input.replace("\\n", "\n");
        assertEquals(expected, String.join(" ", tokens(text, Edition.E2021)), "tokens of " + text);
    }

    @Test
    void keywordsDependOnTheEdition() {
        assertEquals(List.of("IDENTIFIER:async", "IDENTIFIER:await", "IDENTIFIER:try", "IDENTIFIER:gen"),
                tokens("async await try gen", Edition.E2015));
        assertEquals(List.of("KW_ASYNC:async", "KW_AWAIT:await", "KW_TRY:try", "IDENTIFIER:gen"),
                tokens("async await try gen", Edition.E2018));
        assertEquals(List.of("KW_ASYNC:async", "KW_AWAIT:await", "KW_TRY:try", "KW_GEN:gen"),
                tokens("async await try gen", Edition.E2024));
    }

    @Test
    void byteOrderMarkAndShebangAreSkippedWithoutMovingPositions() {
        ParsedFile bom = RustParsing.parse("\uFEFFfn f() {}", Edition.E2021);
        assertEquals(List.of(), bom.errors());
        assertEquals(1, bom.tokens().get(0).getCharPositionInLine(), "fn comes after the BOM");

        ParsedFile shebang = RustParsing.parse("#!/usr/bin/env rust\nfn f() {}", Edition.E2021);
        assertEquals(List.of(), shebang.errors());
        assertEquals(2, shebang.tokens().get(0).getLine());

        ParsedFile attribute = RustParsing.parse("#![allow(x)]\nfn f() {}", Edition.E2021);
        assertEquals(List.of(), attribute.errors());
        assertEquals(1, attribute.tree().innerAttribute().size(), "#![ on line 1 is an inner attribute");
    }

    @Test
    void lexicalErrorsAreReportedWhereTheyStart() {
        assertFirstError("fn f() { let s = \"abc; }",
                "1:18 syntax error: unterminated string literal: this `\"` has no closing `\"`");
        assertFirstError("fn f() {} /* a /* b */",
                "1:11 syntax error: unterminated block comment: this `/*` is never closed by `*/`");
        assertFirstError("fn f() { a \\ b; }",
                "1:12 syntax error: unknown start of token: `\\` (U+005C REVERSE SOLIDUS)");
        assertFirstError("fn f() { m!(\u20ac); }",
                "1:13 syntax error: unknown start of token: `\u20ac` (U+20AC EURO SIGN)");
        assertFirstError("fn f() { let c = 'ab'; }", "1:21 syntax error: invalid character literal: a character literal"
                + " is one character or escape between single quotes, like `'a'` or `'\\n'`");
    }

    private static void assertFirstError(String text, String expected) {
        ParsedFile parsed = RustParsing.parse(text, Edition.E2021);
        assertTrue(!parsed.errors().isEmpty(), "no error for " + text);
        SyntaxError first = parsed.errors().get(0);
        assertEquals(expected, first.line() + ":" + (first.column() + 1) + " " + first.message(), text);
    }

    @Test
    void anUnknownCharacterIsReportedOnce() {
        ParsedFile parsed = RustParsing.parse("fn f() { a \\ b; }", Edition.E2021);
        long atBackslash = parsed.errors().stream().filter(e -> e.column() == 11).count();
        assertEquals(1, atBackslash, parsed.errors().toString());
    }
}
