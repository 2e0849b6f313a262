package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.Texts;
import dev.unsafehints.rules.RuleDocs;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pushed diagnostics: their fields, versions and exact UTF-16 ranges, over the real protocol. */
class DiagnosticsTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/lib.rs";
    private LspHarness lsp;

    @BeforeEach
    void start() {
        lsp = LspHarness.start();
        lsp.initialize();
    }

    @AfterEach
    void stop() {
        lsp.close();
    }

    private static Diagnostic only(PublishDiagnosticsParams p, String ruleId) {
        List<Diagnostic> matching = p.getDiagnostics().stream()
                .filter(d -> d.getCode().getLeft().equals(ruleId)).collect(Collectors.toList());
        assertEquals(1, matching.size(), "one " + ruleId + " diagnostic in " + p.getDiagnostics());
        return matching.get(0);
    }

    @Test
    void publishesFindingsAsDiagnosticsWithTheDocumentVersion() {
        String text = "fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
        int version = lsp.open(URI, text);
        PublishDiagnosticsParams published = lsp.client.awaitDiagnostics(URI, version);

        Diagnostic block = only(published, "unsafe-block");
        assertEquals(Texts.rangeOf(text, "unsafe"), block.getRange());
        assertEquals("unsafe-hints", block.getSource());
        assertEquals(RuleDocs.url("unsafe-block"), block.getCodeDescription().getHref());
        assertEquals(DiagnosticSeverity.Information, block.getSeverity());
        assertEquals(1, block.getRelatedInformation().size());
        assertEquals(URI, block.getRelatedInformation().get(0).getLocation().getUri());
        assertEquals(Texts.rangeOf(text, "*p"), block.getRelatedInformation().get(0).getLocation().getRange());
        assertEquals("dereference of raw pointer `p`", block.getRelatedInformation().get(0).getMessage());
        assertNull(block.getTags());

        Diagnostic deref = only(published, "raw-pointer-deref");
        assertEquals(DiagnosticSeverity.Hint, deref.getSeverity());
        assertEquals(Texts.rangeOf(text, "*p"), deref.getRange());

        Diagnostic missing = only(published, "missing-safety-comment");
        assertEquals(DiagnosticSeverity.Warning, missing.getSeverity());
    }

    @Test
    void marksUnusedUnsafeAsUnnecessary() {
        String text = "fn f() {\n    unsafe { let x = 1; }\n}\n";
        PublishDiagnosticsParams published = lsp.client.awaitDiagnostics(URI, lsp.open(URI, text));
        Diagnostic unused = only(published, "unused-unsafe");
        assertEquals(List.of(DiagnosticTag.Unnecessary), unused.getTags());
        assertEquals(Texts.rangeOf(text, "unsafe { let x = 1; }"), unused.getRange());
    }

    @Test
    void rangesAreUtf16WithEmojiCjkCrlfAndTabs() {
        // The emoji is two UTF-16 units, the CJK characters one each; CRLF ends every line; a tab is one unit.
        String text = "// 注释：指针 \uD83E\uDD80\r\n"
                + "fn f(p: *const u8) -> u8 {\r\n"
                + "\tlet s = \"\uD83D\uDE00\uD83D\uDE00 数据\"; unsafe { *p }\r\n"
                + "}\r\n";
        PublishDiagnosticsParams published = lsp.client.awaitDiagnostics(URI, lsp.open(URI, text));
        Diagnostic block = only(published, "unsafe-block");
        int column = "\tlet s = \"\uD83D\uDE00\uD83D\uDE00 数据\"; ".length(); // tab 1 + 8 + quote + 2x2 emoji + space + 2 CJK + quote + ; + space
        assertEquals(20, column);
        assertEquals(2, block.getRange().getStart().getLine());
        assertEquals(column, block.getRange().getStart().getCharacter());
        assertEquals(column + "unsafe".length(), block.getRange().getEnd().getCharacter());
        Diagnostic deref = only(published, "raw-pointer-deref");
        assertEquals(Texts.rangeOf(text, "*p"), deref.getRange());
        assertEquals(column + "unsafe { ".length(), deref.getRange().getStart().getCharacter());
    }

    @Test
    void editsProduceNewDiagnosticsForTheNewVersion() {
        String text = "fn f(p: *const u8) -> u8 {\n    0\n}\n";
        int v1 = lsp.open(URI, text);
        assertTrue(lsp.client.awaitDiagnostics(URI, v1).getDiagnostics().isEmpty());
        int v2 = lsp.change(URI, LspHarness.range(1, 4, 1, 5), "unsafe { *p }");
        PublishDiagnosticsParams after = lsp.client.awaitDiagnostics(URI, v2);
        Diagnostic block = only(after, "unsafe-block");
        assertEquals(LspHarness.range(1, 4, 1, 10), block.getRange());
    }

    @Test
    void closingADocumentClearsItsDiagnostics() {
        int v = lsp.open(URI, "fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
        assertTrue(!lsp.client.awaitDiagnostics(URI, v).getDiagnostics().isEmpty());
        lsp.close(URI);
        PublishDiagnosticsParams cleared = lsp.client.awaitDiagnostics(URI, p -> p.getVersion() == null);
        assertTrue(cleared.getDiagnostics().isEmpty());
    }
}
