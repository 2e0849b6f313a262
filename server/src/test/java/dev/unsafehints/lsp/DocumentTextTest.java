package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/** Incremental edits in UTF-16 code units, with the clamping the specification asks for. */
class DocumentTextTest {
    private static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    @Test
    void insertsAfterAnEmojiCountingTwoUnits() {
        String text = "let s = \"\uD83E\uDD80\";\n";
        // column 11 is after the opening quote (9) and the crab (2 units)
        assertEquals("let s = \"\uD83E\uDD80!\";\n", DocumentText.apply(text, range(0, 11, 0, 11), "!"));
    }

    @Test
    void replacesCjkCharactersOneUnitEach() {
        String text = "// 数据结构\nfn f() {}\n";
        assertEquals("// 数组结构\nfn f() {}\n", DocumentText.apply(text, range(0, 4, 0, 5), "组"));
    }

    @Test
    void crlfLinesAreCountedAsOneBreak() {
        String text = "a\r\nbb\r\nccc\r\n";
        assertEquals("a\r\nbX\r\nccc\r\n", DocumentText.apply(text, range(1, 1, 1, 2), "X"));
        // deleting the line break between lines 1 and 2
        assertEquals("a\r\nbbccc\r\n", DocumentText.apply(text, range(1, 2, 2, 0), ""));
    }

    @Test
    void loneCarriageReturnEndsALine() {
        assertEquals("a\rXb\r", DocumentText.apply("a\rb\r", range(1, 0, 1, 0), "X"));
    }

    @Test
    void aTabIsOneUnit() {
        assertEquals("\tunsafe {}\n", DocumentText.apply("\tsafe {}\n", range(0, 1, 0, 1), "un"));
    }

    @Test
    void characterPastTheLineEndMeansTheLineEnd() {
        assertEquals("abc!\r\ndef", DocumentText.apply("abc\r\ndef", range(0, 99, 0, 120), "!"));
    }

    @Test
    void linePastTheEndMeansTheEndOfTheDocument() {
        assertEquals("abc\nxyz", DocumentText.apply("abc\n", range(7, 0, 9, 3), "xyz"));
        assertEquals("ab", DocumentText.apply("abc\ndef", range(0, 2, 50, 0), ""));
    }

    @Test
    void aChangeWithoutRangeReplacesEverything() {
        assertEquals("new", DocumentText.apply("old text", List.of(new TextDocumentContentChangeEvent("new"))));
    }

    @Test
    void changesApplyInOrderEachOnTheResultOfThePrevious() {
        List<TextDocumentContentChangeEvent> changes = List.of(
                new TextDocumentContentChangeEvent(range(0, 0, 0, 0), "a\n"),
                new TextDocumentContentChangeEvent(range(1, 0, 1, 1), "X"));
        assertEquals("a\nXyz", DocumentText.apply("xyz", changes));
    }
}
