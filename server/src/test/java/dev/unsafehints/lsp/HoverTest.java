package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.Texts;
import dev.unsafehints.rules.RuleDocs;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hover text: short first line, detail, and the rule document's link. */
class HoverTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/hover.rs";
    private static final String TEXT = String.join("\n",
            "/// Reads a byte.",
            "///",
            "/// # Safety",
            "/// `p` must point to a readable byte.",
            "unsafe fn read(p: *const u8) -> u8 { *p }",
            "",
            "fn twice(p: *mut u8) -> u8 {",
            "    // SAFETY: the caller passes a valid pointer",
            "    let a = unsafe { read(p) };",
            "    let b = unsafe { *p };",
            "    a + b",
            "}",
            "");
    private LspHarness lsp;

    private Hover hoverAt(Position p) {
        return LspHarness.get(lsp.server.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(URI), p)));
    }

    private void open(org.eclipse.lsp4j.ClientCapabilities caps) {
        lsp = LspHarness.start();
        lsp.initialize(caps);
        lsp.open(URI, TEXT);
    }

    @AfterEach
    void stop() {
        lsp.close();
    }

    @Test
    void onTheUnsafeOfABlockListsItsOperationsAndTheSafetyComment() {
        open(Capabilities.typicalEditor());
        Hover hover = hoverAt(Texts.at(TEXT, "unsafe { read"));
        String md = hover.getContents().getRight().getValue();
        assertEquals(MarkupKind.MARKDOWN, hover.getContents().getRight().getKind());
        assertEquals("**Unsafe block**: 1 unsafe operation, SAFETY comment present", md.lines().findFirst().orElseThrow());
        assertTrue(md.contains("- line 9: `read(p)`: call to unsafe function `read`"), md);
        assertTrue(md.contains("> the caller passes a valid pointer"), md);
        assertTrue(md.contains("The callee's `# Safety` section asks:"), md);
        assertTrue(md.contains("> `p` must point to a readable byte."), md);
        assertTrue(md.contains("(" + RuleDocs.url("unsafe-block") + ")"), md);
        assertEquals(Texts.rangeOf(TEXT, "unsafe", 1), hover.getRange());
    }

    @Test
    void saysWhenTheSafetyCommentIsMissing() {
        open(Capabilities.typicalEditor());
        String md = hoverAt(Texts.at(TEXT, "unsafe { *p }")).getContents().getRight().getValue();
        assertTrue(md.startsWith("**Unsafe block**: 1 unsafe operation, no SAFETY comment\n"), md);
        assertTrue(md.contains("`*p`: dereference of raw pointer `p`"), md);
        assertTrue(md.contains("No `// SAFETY:` comment"), md);
        // the missing-safety-comment finding at the same spot gets its own part
        assertTrue(md.contains("**Unsafe block without a SAFETY comment** (`missing-safety-comment`)"), md);
    }

    @Test
    void onAnUnsafeFnQuotesWhatCallersMustGuarantee() {
        open(Capabilities.typicalEditor());
        String md = hoverAt(Texts.at(TEXT, "unsafe fn")).getContents().getRight().getValue();
        assertTrue(md.startsWith("**Unsafe function**: `# Safety` documented\n"), md);
        assertTrue(md.contains("What callers must guarantee (its `# Safety` section):\n\n> `p` must point to a readable byte."), md);
    }

    @Test
    void onAFindingShowsItsMessageAndRuleDocument() {
        open(Capabilities.typicalEditor());
        Position onDeref = Texts.at(TEXT, "*p }", 1);
        String md = hoverAt(new Position(onDeref.getLine(), onDeref.getCharacter() + 1)).getContents().getRight().getValue();
        assertTrue(md.startsWith("**Raw pointer dereference** (`raw-pointer-deref`)\n\ndereference of raw pointer `p`"), md);
        String finds = RuleDocs.section("raw-pointer-deref", "What it finds");
        if (!finds.isEmpty()) {
            assertTrue(md.contains(finds), "the rule document's 'What it finds' section: " + md);
        }
        assertTrue(md.contains("[Raw pointer dereference (raw-pointer-deref)](" + RuleDocs.url("raw-pointer-deref") + ")"), md);
    }

    @Test
    void explainsRawPointerTypes() {
        open(Capabilities.typicalEditor());
        Hover onConst = hoverAt(Texts.at(TEXT, "const u8"));
        String md = onConst.getContents().getRight().getValue();
        assertTrue(md.startsWith("**`*const u8`**: raw pointer for reading a `u8`"), md);
        assertEquals(Texts.rangeOf(TEXT, "*const"), onConst.getRange());
        String mut = hoverAt(Texts.at(TEXT, "*mut u8")).getContents().getRight().getValue();
        assertTrue(mut.startsWith("**`*mut u8`**: raw pointer that may be written through"), mut);
    }

    @Test
    void nothingToSayGivesNull() {
        open(Capabilities.typicalEditor());
        assertNull(hoverAt(Texts.at(TEXT, "a + b")));
        assertNull(hoverAt(new Position(500, 0)));
    }

    @Test
    void plainTextForClientsWithoutMarkdown() {
        open(Capabilities.bare());
        Hover hover = hoverAt(Texts.at(TEXT, "unsafe { *p }"));
        assertEquals(MarkupKind.PLAINTEXT, hover.getContents().getRight().getKind());
    }

    @Test
    void aDocumentThatIsNotOpenHasNoHover() {
        open(Capabilities.typicalEditor());
        assertNull(LspHarness.get(lsp.server.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier("file:///nowhere.rs"), new Position(0, 0)))));
    }
}
