package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.Texts;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleDocs;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hover text (the real rules): short first line, what must hold, and links to the rule documents. */
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
            "",
            "fn three(p: *const u8, q: *const u8) -> u8 {",
            "    // SAFETY: the caller passes a valid pointer",
            "    unsafe {",
            "        let x = *p;",
            "        let y = std::ptr::read(q);",
            "        x + y + read(p)",
            "    }",
            "}",
            "",
            "/// # Safety",
            "///",
            "/// `src` must be valid.",
            "pub unsafe fn take<A: Tr>(src: *mut A::Item) -> A::Item {",
            "    unsafe { std::ptr::read(src) }",
            "}",
            "pub trait Tr { type Item; }",
            "");
    private LspHarness lsp;

    private Hover hoverAt(Position p) {
        return LspHarness.get(lsp.server.getTextDocumentService().hover(
                new HoverParams(new TextDocumentIdentifier(URI), p)));
    }

    private void open(org.eclipse.lsp4j.ClientCapabilities caps) {
        lsp = LspHarness.start(LspHarness.options().withRules(RuleCatalog.all()));
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
        assertEquals("**Unsafe block** · 1 unsafe operation · SAFETY comment", md.lines().findFirst().orElseThrow());
        assertTrue(md.contains("1. `read(p)` (line 9): call to unsafe function `read` — its `# Safety`:"
                + " “`p` must point to a readable byte.”"), md);
        assertTrue(md.contains("**SAFETY:** “the caller passes a valid pointer”"), md);
        assertTrue(md.contains("(" + RuleDocs.url("unsafe-block") + ")"), md);
        assertEquals(Texts.rangeOf(TEXT, "unsafe", 1), hover.getRange());
    }

    @Test
    void quotesTheSafetyCommentTheRuleAcceptedAlsoInsideTheBlockAndAfterAnEditOfIt() {
        lsp = LspHarness.start(LspHarness.options().withRules(RuleCatalog.all()));
        lsp.initialize(Capabilities.typicalEditor());
        String uri = "file:///tmp/unsafe-hints-test/src/inside.rs";
        String text = String.join("\n",
                "fn four(p: *const u8) -> u8 {",
                "    unsafe {",
                "        // SAFETY: `p` comes from a live box",
                "        *p",
                "    }",
                "}",
                "fn five(p: *const u8) -> u8 {",
                "    // SAFETY: the pointer is valid",
                "    // and aligned",
                "    let v = unsafe { *p };",
                "    v",
                "}",
                "");
        lsp.open(uri, text);
        java.util.function.Function<String, String> hover = at -> LspHarness.get(lsp.server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), Texts.at(text, at))))
                .getContents().getRight().getValue();
        String inside = hover.apply("unsafe {\n");
        assertTrue(inside.startsWith("**Unsafe block** · 1 unsafe operation · SAFETY comment\n"), inside);
        assertTrue(inside.contains("**SAFETY:** “`p` comes from a live box”"), inside);
        assertTrue(hover.apply("unsafe { *p };").contains("**SAFETY:** “the pointer is valid and aligned”"));
        // an edit of the comment's second line (no "safety" in it): the hover quotes the new words
        lsp.change(uri, LspHarness.range(8, 11, 8, 11), "well ");
        String edited = LspHarness.get(lsp.server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier(uri), new Position(9, 13)))).getContents().getRight().getValue();
        assertTrue(edited.contains("**SAFETY:** “the pointer is valid and well aligned”"), edited);
    }

    @Test
    void saysWhenTheSafetyCommentIsMissing() {
        open(Capabilities.typicalEditor());
        String md = hoverAt(Texts.at(TEXT, "unsafe { *p }")).getContents().getRight().getValue();
        assertTrue(md.startsWith("**Unsafe block** · 1 unsafe operation · no SAFETY comment\n"), md);
        assertTrue(md.contains("1. `*p` (line 10): read through `p` — non-null · aligned · valid for the read ·"
                + " initialized · no `&mut` to it in use · not dangling"), md);
        assertTrue(md.contains("**SAFETY:** none."), md);
        // the missing-safety-comment finding at the same spot: a link to its document, not its message again
        assertTrue(md.contains("**Rules:** [`missing-safety-comment`](" + RuleDocs.url("missing-safety-comment")
                + ") (warning)"), md);
        assertTrue(!md.contains("unsafe block without a `// SAFETY:` comment"), md);
        assertTrue(!md.contains("What to do"), md);
    }

    @Test
    void onAnUnsafeFnQuotesWhatCallersMustGuarantee() {
        open(Capabilities.typicalEditor());
        String md = hoverAt(Texts.at(TEXT, "unsafe fn")).getContents().getRight().getValue();
        assertTrue(md.startsWith("**Unsafe function**: `# Safety` documented\n"), md);
        assertTrue(md.contains("What callers must guarantee (its `# Safety` section):\n\n> `p` must point to a readable byte."), md);
    }

    @Test
    void quotesTheSafetySectionAsTheRulesReadTheDocs() {
        // `#[doc]` attributes and a doc comment after an attribute are docs to rustc and to the rules
        String text = String.join("\n",
                "#[doc = \"Writes a byte.\"]",
                "#[doc = \"\"]",
                "#[doc = \"# Safety\"]",
                "#[inline]",
                "/// `p` must point to a writable byte.",
                "pub(crate) unsafe fn write(p: *mut u8) { unsafe { *p = 0 } }",
                "",
                "/// No section here.",
                "unsafe fn bare(p: *mut u8) { unsafe { write(p) } }",
                "");
        lsp = LspHarness.start(LspHarness.options().withRules(RuleCatalog.all()));
        lsp.initialize(Capabilities.typicalEditor());
        lsp.open(URI, text);
        String write = LspHarness.get(lsp.server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier(URI), Texts.at(text, "unsafe fn write")))).getContents().getRight().getValue();
        assertTrue(write.startsWith("**Unsafe function**: `# Safety` documented\n"), write);
        assertTrue(write.contains("its `# Safety` section):\n\n> `p` must point to a writable byte."), write);
        String bare = LspHarness.get(lsp.server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier(URI), Texts.at(text, "unsafe fn bare")))).getContents().getRight().getValue();
        assertTrue(bare.startsWith("**Unsafe function**: no `# Safety` section"), bare);
        assertTrue(!bare.contains("writable"), "another fn's section is not this one's: " + bare);
    }

    @Test
    void onAFindingShowsItsMessageAndRuleDocument() {
        open(Capabilities.typicalEditor());
        Position onDeref = Texts.at(TEXT, "*p }", 1);
        String md = hoverAt(new Position(onDeref.getLine(), onDeref.getCharacter() + 1)).getContents().getRight().getValue();
        assertTrue(md.startsWith("**Dereference of a raw pointer**: read through `p`\n\ndereference of raw pointer `p`"), md);
        assertTrue(md.contains("**What must hold here**\n\n- `p` is not null.\n- `p` is aligned for the pointee type."), md);
        assertTrue(md.contains("- No `&mut` to the pointee is in use while it is read."), md);
        assertTrue(md.contains("[Dereference of a raw pointer (raw-pointer-deref)](" + RuleDocs.url("raw-pointer-deref") + ")"), md);
    }

    @Test
    void aBlockWithThreeOperationsListsEachOnceWithWhatItRequiresInAboutFifteenHundredCharacters() {
        open(Capabilities.typicalEditor());
        String md = hoverAt(Texts.at(TEXT, "unsafe {\n        let x")).getContents().getRight().getValue();
        assertTrue(md.startsWith("**Unsafe block** · 3 unsafe operations · SAFETY comment\n"), md);
        assertTrue(md.contains("1. `*p` (line 17): read through `p` — non-null · aligned"), md);
        assertTrue(md.contains("2. `std::ptr::read(q)` (line 18): call to unsafe function `std::ptr::read` — the source is"
                + " valid for reading one `T`"), md);
        assertTrue(md.contains("3. `read(p)` (line 19): call to unsafe function `read` — its `# Safety`: “`p` must"
                + " point to a readable byte.”"), md);
        // each operation once: not again under each rule that fires on the block
        assertEquals(1, md.split("`std::ptr::read\\(q\\)`", -1).length - 1, md);
        // the level as every report says it: note (it said "info")
        assertTrue(md.contains("[`multiple-unsafe-ops`](" + RuleDocs.url("multiple-unsafe-ops") + ") (note)"), md);
        assertTrue(md.contains("it does not mention "), md);
        assertTrue(md.length() <= 1700, md.length() + " characters:\n" + md);
        assertTrue(!md.contains("## ") && !md.contains("What it finds"), md);
    }

    @Test
    void onAStdCallInAnUnsafeFnSaysWhatTheCallRequiresNotTheFnsSafetySection() {
        open(Capabilities.typicalEditor());
        Position onRead = Texts.at(TEXT, "read(src)");
        String md = hoverAt(onRead).getContents().getRight().getValue();
        assertTrue(md.startsWith("**Call to an unsafe function**: `std::ptr::read`\n"), md);
        assertTrue(md.contains("**What must hold here** (the standard library's documentation, in short)"), md);
        assertTrue(md.contains("- The source is valid for reading one `T`."), md);
        assertTrue(!md.contains("`src` must be valid."), "the enclosing fn's # Safety text is not the callee's: " + md);
    }

    @Test
    void aPointerTypeInAnUnsafeFnsSignatureExplainsThePointerWithoutABadArticle() {
        open(Capabilities.typicalEditor());
        Hover hover = hoverAt(Texts.at(TEXT, "mut A::Item"));
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.startsWith("**`*mut A::Item`**: raw pointer that may be written through"), md);
        assertTrue(!md.contains("a A::") && !md.contains("Unsafe function"), md);
        String c = hoverAt(Texts.at(TEXT, "const u8")).getContents().getRight().getValue();
        assertTrue(!c.contains("a `u8`") || c.contains("values of type"), c);
    }

    @Test
    void explainsRawPointerTypes() {
        open(Capabilities.typicalEditor());
        Hover onConst = hoverAt(Texts.at(TEXT, "const u8"));
        String md = onConst.getContents().getRight().getValue();
        assertTrue(md.startsWith("**`*const u8`**: raw pointer for reading values of type `u8`"), md);
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
