package dev.unsafehints.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parse from the tokens a declarations parse kept ({@link RustParsing#parseDeclarationsKeepingTokens})
 * is the parse that lexes the text again: same tokens, errors, tree and left-out bodies.
 */
class LexedSourceTest {
    static Stream<Path> fixtureFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("fixtures", "recovery", "fullll")) {
            try (Stream<Path> s = Files.list(Fixtures.dir(folder))) {
                s.filter(p -> p.toString().endsWith(".rs")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtureFiles")
    void aFixtureParsesTheSameFromItsKeptTokens(Path file) {
        String text = Fixtures.read(file);
        assertSameParses(text, Fixtures.editionOf(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "#!/usr/bin/env run-cargo-script\nfn main() { unsafe { f() } }",
        "\uFEFFfn f() { let s = \"é → 😀\"; unsafe { *p } }",
        "fn f() {\r\n    let c = '😀'; let 𝔵 = 1;\r\n\r    unsafe { *p }\n/* two\nlines */ }\n\n",
        "fn f() { let v = x.0. await; let w = x.0.1; let (): ::T = y; let (): :::T = z; }",
        "fn f() { let dyn = 1; unsafe { g(dyn) } }\nstruct S { dyn: u8 }",
        "fn f() { unsafe { *p } } /* never closed",
        "fn f() { let s = \"never closed; unsafe { *p } }",
        "fn f() { let c = 'ab'; unsafe { § } }",
        "fn f( { unsafe { *p } } fn g() {} unsafe fn h() { x",
        "mod m { fn a() { b!(unsafe) } macro_rules! m { () => { unsafe fn q() {} } } }",
        "",
        "// only a comment",
    })
    void awkwardTextsParseTheSameFromTheirKeptTokens(String text) {
        for (Edition edition : Edition.values()) {
            assertSameParses(text, edition);
        }
    }

    @Test
    void keptTokensAreOfOneTextAndEdition() {
        String text = "unsafe fn f() {}";
        LexedSource lexed = RustParsing.parseDeclarationsKeepingTokens(text, Edition.E2021).lexed();
        assertTrue(lexed.isOf(new String(text.toCharArray()), Edition.E2021));
        assertFalse(lexed.isOf(text, Edition.E2015));
        assertFalse(lexed.isOf(text + " ", Edition.E2021));
        assertThrows(IllegalArgumentException.class, () -> RustParsing.parseUnsafeRelevant(text + " ", lexed, Set.of()));
        assertTrue(lexed.retainedBytes() > 0);
    }

    private static void assertSameParses(String text, Edition edition) {
        RustParsing.Lexed first = RustParsing.parseDeclarationsKeepingTokens(text, edition);
        assertNotNull(first.lexed(), "a declarations parse lexes the whole text");
        assertSame(RustParsing.parseDeclarations(text, edition), first.parsed());
        for (Set<String> signs : List.of(Set.<String>of(), Set.of("m", "b"))) {
            // twice: a kept source can be replayed again
            for (int round = 0; round < 2; round++) {
                assertSame(RustParsing.parseUnsafeRelevant(text, edition, signs),
                        RustParsing.parseUnsafeRelevant(text, first.lexed(), signs));
            }
        }
    }

    private static void assertSame(ParsedFile lexedAgain, ParsedFile replayed) {
        assertEquals(describe(lexedAgain.tokens().getTokens()), describe(replayed.tokens().getTokens()));
        assertEquals(describe(lexedAgain.lexedCode()), describe(replayed.lexedCode()));
        assertEquals(lexedAgain.errors(), replayed.errors());
        assertEquals(TreeDump.lines(lexedAgain.tree()), TreeDump.lines(replayed.tree()));
        assertEquals(lexedAgain.neededFullLL(), replayed.neededFullLL());
        assertEquals(lexedAgain.edition(), replayed.edition());
        assertArrayEquals(lexedAgain.bodies().judged(), replayed.bodies().judged());
        assertArrayEquals(lexedAgain.bodies().dropped(), replayed.bodies().dropped());
        assertEquals(lexedAgain.bodies().focusEnd(), replayed.bodies().focusEnd());
    }

    private static List<String> describe(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.getTokenIndex() + ":" + t.getType() + ":" + t.getChannel() + ":" + t.getStartIndex() + "-"
                    + t.getStopIndex() + "@" + t.getLine() + "," + t.getCharPositionInLine() + "=" + t.getText());
        }
        return out;
    }
}
