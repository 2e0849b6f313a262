package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Messages a person can act on: where (line:column, 1-based) and what. */
class SyntaxMessagesTest {
    @Test
    void commonMistakes() {
        assertFirst("fn f() { let x = 1 let y = 2; }", "1:20 expected `;`, found `let`");
        assertFirst("fn f() { a b }", "1:12 expected `;`, found `b`");
        assertFirst("fn f() { foo(a, b }", "1:19 expected `)`, found `}`");
        assertFirst("fn f( { }", "1:7 expected `)`, found `{`");
        assertFirst("fn f() { match x { A => 1 B => 2 } }", "1:27 expected `,` after this match arm, found `B`");
        assertFirst("fn f() { x = ; }", "1:14 expected an expression, found `;`");
        assertFirst("fn f() { let x: = 1; }", "1:17 expected a type, found `=`");
        assertFirst("fn f() -> { }", "1:11 expected a type, found `{`");
        assertFirst("fn f() {", "1:9 unclosed delimiter: expected `}`, found end of file");
        assertFirst("use a::b", "1:9 expected `;`, found end of file");
        assertFirst("impl X { fn a() }", "1:17 expected one of `;` or `{`, found `}`");
        assertFirst("fn f() { if x { } else }", "1:24 expected one of `if` or `{`, found `}`");
        assertFirst("fn f() {}\n\"text\"", "2:1 expected an item, found `\"text\"`");
    }

    @Test
    void messagesNameNoGrammarRulesOrTokenTypes() {
        String[] broken = {"fn f() { let = ; }", "struct { }", "impl for {}", "fn f() { x. }", "trait T { fn }",
            "enum E { A(, }", "fn f() { match { } }", "mod m { fn f( }", "const X: = ;", "fn f() { || -> }"};
        for (String text : broken) {
            ParsedFile parsed = RustParsing.parse(text, Edition.E2021);
            assertFalse(parsed.errors().isEmpty(), text);
            for (SyntaxError e : parsed.errors()) {
                // token type names, ANTLR's notation, grammar rule names (camelCase)
                assertFalse(e.message().matches(".*(KW_|IDENTIFIER|LITERAL|<EOF>|\\{'|rule |\\b[a-z]+[A-Z]\\w*).*"),
                        text + ": " + e.message());
            }
        }
    }

    /** Random damage never makes parsing throw (bad input never crashes anything). */
    @Test
    void garbageNeverThrows() {
        String sample = Fixtures.read(Fixtures.dir("recovery").resolve("shapes.rs"));
        String[] pieces = {"{", "}", "(", ")", "[", "]", "<", ">", "fn", "let", "::", ";", ",", "'", "\"", "/*",
            "#", "!", "=>", "|", "&&", "..", "match", "impl", "unsafe", "as", "?", "0.", "r#\"", "\\", "\u00e9"};
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder(sample);
            for (int k = 0; k < 3; k++) {
                int at = random.nextInt(text.length());
                text.insert(at, " " + pieces[random.nextInt(pieces.length)] + " ");
            }
            RustParsing.parse(text.toString(), Edition.E2021); // must return normally
        }
    }

    private static void assertFirst(String text, String expected) {
        ParsedFile parsed = RustParsing.parse(text, Edition.E2021);
        assertFalse(parsed.errors().isEmpty(), "no error in " + text);
        SyntaxError e = parsed.errors().get(0);
        assertEquals("syntax error: " + expected.substring(expected.indexOf(' ') + 1), e.message(), text);
        assertEquals(expected.substring(0, expected.indexOf(' ')), e.line() + ":" + (e.column() + 1), text);
    }
}
