package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.features.SemanticTokensBuilder;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Document highlights and semantic tokens of unsafe blocks and fns (code lenses: {@link CodeLensTest}). */
class SiteFeaturesTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/sites.rs";
    private static final String TEXT = String.join("\n",
            "unsafe fn zero(p: *mut u8) { *p = 0 }",
            "",
            "fn both(p: *mut u8, q: *const u8) -> u8 {",
            "    // SAFETY: both pointers are valid (caller's contract)",
            "    unsafe {",
            "        zero(p);",
            "        let 数 = \"\uD83E\uDD80\"; *q",
            "    }",
            "}",
            "fn empty() { unsafe { } }",
            "");
    private LspHarness lsp;

    @BeforeEach
    void start() {
        lsp = LspHarness.start();
        lsp.initialize();
        lsp.open(URI, TEXT);
    }

    @AfterEach
    void stop() {
        lsp.close();
    }

    @Test
    void theUnsafeOfABlockHighlightsItsOperations() {
        List<? extends DocumentHighlight> highlights = LspHarness.get(lsp.server.getTextDocumentService()
                .documentHighlight(new DocumentHighlightParams(new TextDocumentIdentifier(URI),
                        Texts.at(TEXT, "unsafe {"))));
        List<Range> ranges = highlights.stream().map(DocumentHighlight::getRange).collect(Collectors.toList());
        assertEquals(List.of(Texts.rangeOf(TEXT, "unsafe", 1), Texts.rangeOf(TEXT, "zero(p)"), Texts.rangeOf(TEXT, "*q")),
                ranges);
        // elsewhere: nothing
        assertTrue(LspHarness.get(lsp.server.getTextDocumentService().documentHighlight(new DocumentHighlightParams(
                new TextDocumentIdentifier(URI), Texts.at(TEXT, "both")))).isEmpty());
    }

    @Test
    void semanticTokensMarkOperationsWithTheUnsafeModifier() {
        SemanticTokens tokens = LspHarness.get(lsp.server.getTextDocumentService().semanticTokensFull(
                new SemanticTokensParams(new TextDocumentIdentifier(URI))));
        List<int[]> decoded = decode(tokens.getData());
        // zero(p) is a call (function), *q a dereference (operator); `*p = 0` lies in an unsafe fn, which
        // the stand-in rules do not scan. The crab before *q counts two UTF-16 units.
        Position call = Texts.at(TEXT, "zero(p)");
        Position deref = Texts.at(TEXT, "*q");
        assertEquals(2, decoded.size(), () -> tokens.getData().toString());
        assertToken(decoded.get(0), call.getLine(), call.getCharacter(), "zero(p)".length(), "function");
        assertToken(decoded.get(1), deref.getLine(), deref.getCharacter(), 2, "operator");
        assertEquals(8 + "let 数 = \"".length() + 2 + "\"; ".length(), deref.getCharacter()); // 22: crab = 2 units
    }

    private static void assertToken(int[] t, int line, int col, int length, String type) {
        assertEquals(line, t[0], "line");
        assertEquals(col, t[1], "column");
        assertEquals(length, t[2], "length");
        assertEquals(SemanticTokensBuilder.TOKEN_TYPES.indexOf(type), t[3], "type");
        assertEquals(1, t[4], "the unsafe modifier");
    }

    /** Turns the relative encoding into absolute (line, column, length, type, modifiers). */
    private static List<int[]> decode(List<Integer> data) {
        List<int[]> result = new ArrayList<>();
        int line = 0;
        int col = 0;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            col = data.get(i) == 0 ? col + data.get(i + 1) : data.get(i + 1);
            result.add(new int[] {line, col, data.get(i + 2), data.get(i + 3), data.get(i + 4)});
        }
        return result;
    }
}
