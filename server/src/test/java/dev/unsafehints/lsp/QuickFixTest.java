package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.Texts;
import dev.unsafehints.rules.RuleCatalog;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quick fixes of the real rules (issue 20, item 7): each once, no redundant cast, templates that fit. */
class QuickFixTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/fixes.rs";
    private LspHarness lsp;

    @AfterEach
    void stop() {
        lsp.close();
    }

    private List<CodeAction> actions(String text, Range range) {
        lsp = LspHarness.start(LspHarness.options().withRules(RuleCatalog.all()));
        ClientCapabilities caps = Capabilities.typicalEditor();
        caps.getWorkspace().setWorkspaceEdit(null); // plain `changes`
        lsp.initialize(caps);
        lsp.open(URI, text);
        return LspHarness.get(lsp.server.getTextDocumentService().codeAction(
                new CodeActionParams(new TextDocumentIdentifier(URI), range, new CodeActionContext(List.of()))))
                .stream().map(e -> e.getRight()).collect(Collectors.toList());
    }

    private static String applied(String text, CodeAction action) {
        return Texts.applyEdits(text, action.getEdit().getChanges().get(URI));
    }

    private static CodeAction titled(List<CodeAction> actions, String title) {
        return actions.stream().filter(a -> a.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError(title + " not in " + titles(actions)));
    }

    private static List<String> titles(List<CodeAction> actions) {
        return actions.stream().map(CodeAction::getTitle).collect(Collectors.toList());
    }

    @Test
    void aRawBorrowIsOfferedOnceAndDropsACastThatOnlyRestatesTheType() {
        String text = String.join("\n",
                "pub fn book() {",
                "    let mut num = 5;",
                "    let r1 = &num as *const i32;",
                "    let r2 = &mut num as *mut i32;",
                "    let big: u64 = 1;",
                "    let r3 = &big as *const u64;",
                "    let wide = 7;",
                "    let r4 = &wide as *const i64;",
                "    let _ = (r1, r2, r3, r4);",
                "}",
                "");
        List<CodeAction> onR1 = actions(text, Texts.rangeOf(text, "&num"));
        List<String> titles = titles(onR1);
        assertEquals(1, titles.stream().filter(t -> t.equals("Use `&raw const num` (no intermediate reference)")).count(),
                titles.toString());
        assertEquals(1, titles.stream().filter(t -> t.startsWith("Use `core::ptr::addr_of!(num)`")).count(),
                titles.toString());
        String fixed = applied(text, titled(onR1, "Use `&raw const num` (no intermediate reference)"));
        assertTrue(fixed.contains("    let r1 = &raw const num;\n"), fixed);
        lsp.close();

        String u64Fixed = applied(text, titled(actions(text, Texts.rangeOf(text, "&big")),
                "Use `&raw const big` (no intermediate reference)"));
        assertTrue(u64Fixed.contains("    let r3 = &raw const big;\n"), u64Fixed);
        lsp.close();

        // here the cast is what makes `wide` an i64: it stays
        String kept = applied(text, titled(actions(text, Texts.rangeOf(text, "&wide")),
                "Use `&raw const wide` (no intermediate reference)"));
        assertTrue(kept.contains("    let r4 = &raw const wide as *const i64;\n"), kept);
    }

    @Test
    void templatesNameTheConditionsAndFitOneHundredColumns() {
        String text = String.join("\n",
                "pub fn copy(dst: *mut u64, src: *const u64) {",
                "    unsafe {",
                "        *dst = std::ptr::read(src);",
                "    }",
                "}",
                "",
                "pub unsafe fn raw(p: *const u8) -> u8 {",
                "    unsafe { *p }",
                "}",
                "");
        String comment = applied(text, titled(actions(text, Texts.rangeOf(text, "unsafe {")), "Add a SAFETY comment"));
        String inserted = comment.substring(comment.indexOf("    // SAFETY:"), comment.indexOf("    unsafe {\n        *dst"));
        assertTrue(inserted.contains("// - `dst` (write): non-null; aligned; valid for the write;"), inserted);
        assertTrue(inserted.contains("// - `std::ptr::read`: the source is valid for reading one `T`;"), inserted);
        assertTrue(inserted.lines().count() > 3, "the long condition line is wrapped: " + inserted);
        assertTrue(inserted.lines().allMatch(l -> l.length() <= 100), inserted);
        assertTrue(inserted.lines().skip(1).allMatch(l -> l.startsWith("    // - ") || l.startsWith("    //   ")),
                inserted);
        lsp.close();

        String doc = applied(text, titled(actions(text, Texts.rangeOf(text, "pub unsafe fn raw")),
                "Add a `# Safety` doc section"));
        assertTrue(doc.contains("/// # Safety\n///\n/// <say why each condition holds, or list what callers must"
                + " ensure>\n///\n/// - `p` (read): non-null; aligned; valid for the read; initialized;"), doc);
    }
}
