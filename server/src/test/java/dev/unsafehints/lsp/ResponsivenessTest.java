package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.testing.LspHarness;
import dev.unsafehints.lsp.testing.StandInRules;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Analysis runs off the JSON-RPC thread, results of superseded versions are never published, and
 * {@code $/cancelRequest} ends a waiting request. The "test-gate" rule holds an analysis on
 * purpose, so the order of events is forced, not timed.
 */
class ResponsivenessTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/slow.rs";

    @BeforeEach
    void resetGate() {
        StandInRules.Gate.reset();
    }

    private static LspHarness gated() {
        LspHarness lsp = LspHarness.start(LspHarness.options().withRules(StandInRules.withGate()));
        lsp.initialize();
        return lsp;
    }

    @Test
    void aVersionSupersededDuringItsAnalysisIsNeverPublished() throws Exception {
        try (LspHarness lsp = gated()) {
            int v1 = lsp.open(URI, "/*hold*/ fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
            StandInRules.Gate.awaitHeld(); // version 1 is being analysed and cannot finish
            // The server still serves: a request on another document is answered meanwhile.
            int other = lsp.open("file:///tmp/unsafe-hints-test/src/other.rs", "fn g() {}\n");
            lsp.client.awaitDiagnostics("file:///tmp/unsafe-hints-test/src/other.rs", other);

            int v2 = lsp.replaceAll(URI, "fn f() {}\n");
            PublishDiagnosticsParams latest = lsp.client.awaitDiagnostics(URI, v2);
            assertTrue(latest.getDiagnostics().isEmpty());
            StandInRules.Gate.open(); // version 1 finishes now, after version 2 was published

            // A request makes the server wait for the current analysis; afterwards nothing of v1 may have appeared.
            int v3 = lsp.replaceAll(URI, "fn f() {}\n// end\n");
            lsp.client.awaitDiagnostics(URI, v3);
            List<PublishDiagnosticsParams> all = lsp.client.diagnosticsFor(URI);
            assertTrue(all.stream().noneMatch(p -> p.getVersion() == v1), "version 1 was published: " + all);
            assertEquals(v3, all.get(all.size() - 1).getVersion());
        }
    }

    @Test
    void rapidEditsPublishOnlyTheNewestVersionLast() {
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize();
            lsp.open(URI, "fn f(p: *const u8) -> u8 {\n    0\n}\n");
            int last = 0;
            for (int i = 0; i < 30; i++) {
                last = lsp.change(URI, LspHarness.range(1, 4, 1, 5 + (i == 0 ? 0 : 12)), i % 2 == 0 ? "unsafe { *p }" : "0");
            }
            int finalVersion = last;
            lsp.client.awaitDiagnostics(URI, finalVersion);
            // Nothing older arrives after the newest one. A version comes again only with other
            // diagnostics (analysed again once the index was read), never as a repeat.
            List<PublishDiagnosticsParams> all = lsp.client.diagnosticsFor(URI);
            for (int i = 1; i < all.size(); i++) {
                PublishDiagnosticsParams before = all.get(i - 1);
                PublishDiagnosticsParams after = all.get(i);
                assertTrue(after.getVersion() > before.getVersion()
                        || after.getVersion().equals(before.getVersion())
                        && !after.getDiagnostics().equals(before.getDiagnostics()), "out of order or repeated: " + all);
            }
        }
    }

    @Test
    void cancelRequestEndsARequestThatWaitsForAnalysis() throws Exception {
        try (LspHarness lsp = gated()) {
            lsp.open(URI, "/*hold*/ fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
            StandInRules.Gate.awaitHeld();
            CompletableFuture<Hover> hover = lsp.server.getTextDocumentService().hover(
                    new HoverParams(new TextDocumentIdentifier(URI), new Position(0, 40)));
            hover.cancel(true); // LSP4J sends $/cancelRequest for it
            assertThrows(CancellationException.class, hover::join);
            // The server answers the cancelled request with RequestCancelled (-32800) while the analysis is still held.
            lsp.client.await(() -> lsp.wireTrace().contains("\"code\": -32800") ? true : null, "a RequestCancelled response");
            StandInRules.Gate.open();
        }
    }
}
