package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.Texts;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Quick fixes from findings, and the generic "suppress on this line" action; edits applied and checked. */
class CodeActionTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/actions.rs";
    private LspHarness lsp;

    @AfterEach
    void stop() {
        lsp.close();
    }

    private List<CodeAction> actions(ClientCapabilities caps, String text, Range range, List<String> only) {
        return actions(LspHarness.start(), caps, text, range, only);
    }

    private List<CodeAction> actions(LspHarness harness, ClientCapabilities caps, String text, Range range, List<String> only) {
        lsp = harness;
        lsp.initialize(caps);
        lsp.open(URI, text);
        CodeActionContext context = new CodeActionContext(List.of());
        context.setOnly(only);
        return LspHarness.get(lsp.server.getTextDocumentService().codeAction(
                new CodeActionParams(new TextDocumentIdentifier(URI), range, context)))
                .stream().map(e -> e.getRight()).collect(Collectors.toList());
    }

    private static CodeAction titled(List<CodeAction> actions, String title) {
        return actions.stream().filter(a -> a.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no action '" + title + "' in "
                        + actions.stream().map(CodeAction::getTitle).collect(Collectors.toList())));
    }

    private static String applied(String text, CodeAction action) {
        Map<String, List<TextEdit>> changes = action.getEdit().getChanges();
        return Texts.applyEdits(text, changes.get(URI));
    }

    @Test
    void offersTheRulesFixAsAPreferredQuickFix() {
        String text = "fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
        List<CodeAction> actions = actions(Capabilities.typicalEditor(), text, Texts.rangeOf(text, "unsafe"), null);
        CodeAction fix = titled(actions, "Add a SAFETY comment");
        assertEquals(CodeActionKind.QuickFix, fix.getKind());
        assertTrue(fix.getIsPreferred());
        assertEquals("missing-safety-comment", fix.getDiagnostics().get(0).getCode().getLeft());
        assertEquals("fn f(p: *const u8) -> u8 {\n    // SAFETY: explain why each unsafe operation below is sound\n"
                + "    unsafe { *p }\n}\n", applied(text, fix));
    }

    @Test
    void suppressesARuleAboveTheLineWithItsIndentation() {
        String text = "fn f(p: *const u8) -> u8 {\n\t\tunsafe { *p }\n}\n";
        List<CodeAction> actions = actions(Capabilities.typicalEditor(), text, Texts.rangeOf(text, "*p"), null);
        CodeAction suppress = titled(actions, "Suppress raw-pointer-deref on this line");
        assertEquals("fn f(p: *const u8) -> u8 {\n\t\t// unsafe-hints: allow(raw-pointer-deref)\n\t\tunsafe { *p }\n}\n",
                applied(text, suppress));
    }

    @Test
    void aFindingThatStartsOnAnotherLineSaysWhichLineItSuppresses() {
        String text = "pub unsafe fn f(p: *const u8) -> u8 {\n    let x = 1;\n    x + unsafe { std::ptr::read(p) }\n}\n";
        Position cursor = Texts.at(text, "std::ptr::read");
        List<CodeAction> actions = actions(LspHarness.start(LspHarness.options().withRules(
                dev.unsafehints.rules.RuleCatalog.all())), Capabilities.typicalEditor(), text, new Range(cursor, cursor), null);
        titled(actions, "Suppress unsafe-call on this line");
        assertEquals("// unsafe-hints: allow(unsafe-fn)\n" + text,
                applied(text, titled(actions, "Suppress unsafe-fn on line 1")), "the fn around the cursor, where it starts");
        assertTrue(actions.stream().noneMatch(a -> a.getTitle().equals("Suppress unsafe-fn on this line")));
    }

    @Test
    void suppressionKeepsCrlfLineEndings() {
        String text = "fn f(p: *const u8) -> u8 {\r\n    unsafe { *p }\r\n}\r\n";
        List<CodeAction> actions = actions(Capabilities.typicalEditor(), text, Texts.rangeOf(text, "unsafe"), null);
        assertEquals("fn f(p: *const u8) -> u8 {\r\n    // unsafe-hints: allow(unsafe-block)\r\n    unsafe { *p }\r\n}\r\n",
                applied(text, titled(actions, "Suppress unsafe-block on this line")));
    }

    @Test
    void suppressionAddsToAnAllowCommentAlreadyThere() {
        String text = "fn f(p: *const u8) -> u8 {\n    // unsafe-hints: allow(unsafe-block)\n    unsafe { *p }\n}\n";
        List<CodeAction> actions = actions(Capabilities.typicalEditor(), text, Texts.rangeOf(text, "*p"), null);
        assertEquals("fn f(p: *const u8) -> u8 {\n    // unsafe-hints: allow(unsafe-block, raw-pointer-deref)\n"
                + "    unsafe { *p }\n}\n", applied(text, titled(actions, "Suppress raw-pointer-deref on this line")));
    }

    @Test
    void usesVersionedDocumentChangesWhenTheClientSupportsThem() {
        String text = "fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
        List<CodeAction> actions = actions(Capabilities.withDocumentChanges(), text, Texts.rangeOf(text, "unsafe"), null);
        TextDocumentEdit edit = titled(actions, "Add a SAFETY comment").getEdit().getDocumentChanges().get(0).getLeft();
        assertEquals(URI, edit.getTextDocument().getUri());
        assertEquals(1, edit.getTextDocument().getVersion());
    }

    @Test
    void aCursorOutsideAnyFindingGetsNoActionsAndOnlyFiltersKinds() {
        String text = "fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
        assertTrue(actions(Capabilities.typicalEditor(), text, LspHarness.range(2, 0, 2, 0), null).isEmpty());
        lsp.close();
        assertTrue(actions(Capabilities.typicalEditor(), text, Texts.rangeOf(text, "unsafe"),
                List.of(CodeActionKind.Refactor)).isEmpty());
    }
}
