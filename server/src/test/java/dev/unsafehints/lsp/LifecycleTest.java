package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.features.SemanticTokensBuilder;
import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.PositionEncodingKind;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.junit.jupiter.api.Test;

/** initialize / shutdown / exit as the specification describes them, and the client-process watch. */
class LifecycleTest {
    @Test
    void advertisesTheImplementedFeatures() {
        try (LspHarness lsp = LspHarness.start()) {
            InitializeResult result = lsp.initialize();
            ServerCapabilities caps = result.getCapabilities();
            assertEquals("unsafe-hints", result.getServerInfo().getName());
            assertEquals(PositionEncodingKind.UTF16, caps.getPositionEncoding());
            assertEquals(TextDocumentSyncKind.Incremental, caps.getTextDocumentSync().getRight().getChange());
            assertTrue(caps.getTextDocumentSync().getRight().getOpenClose());
            assertTrue(caps.getHoverProvider().getLeft());
            assertTrue(caps.getDocumentHighlightProvider().getLeft());
            assertEquals(java.util.List.of("quickfix"), caps.getCodeActionProvider().getRight().getCodeActionKinds());
            assertNotNull(caps.getCodeLensProvider());
            assertEquals(SemanticTokensBuilder.TOKEN_TYPES, caps.getSemanticTokensProvider().getLegend().getTokenTypes());
            assertEquals(java.util.List.of("unsafe"), caps.getSemanticTokensProvider().getLegend().getTokenModifiers());
            assertTrue(caps.getExecuteCommandProvider().getCommands().contains("unsafe-hints.inventory"));
            assertNull(caps.getDiagnosticProvider(), "push-only clients get no pull provider");
            assertEquals(0, lsp.shutdownAndExit());
        }
    }

    @Test
    void sendsTheRulesAClientCountsAsUnsafeSites() {
        // the client's status bar and inventory count what the rules declare, not a list of their own
        try (LspHarness lsp = LspHarness.start()) {
            com.google.gson.JsonObject declared = ((com.google.gson.JsonObject) lsp.initialize().getCapabilities()
                    .getExperimental()).getAsJsonObject("unsafeHints");
            assertEquals(dev.unsafehints.report.UnsafeKinds.SITES, strings(declared.getAsJsonArray("unsafeSiteRules")));
            assertEquals(java.util.List.of("unsafe-block", "unsafe-impl", "unsafe-fn", "unsafe-trait"),
                    strings(declared.getAsJsonArray("documentedSiteRules")));
            assertTrue(dev.unsafehints.report.UnsafeKinds.SITES.containsAll(strings(declared.getAsJsonArray("documentedSiteRules"))));
        }
    }

    private static java.util.List<String> strings(com.google.gson.JsonArray array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    @Test
    void offersPullDiagnosticsToClientsThatSupportThem() {
        try (LspHarness lsp = LspHarness.start()) {
            InitializeResult result = lsp.initialize(Capabilities.pullDiagnostics());
            assertNotNull(result.getCapabilities().getDiagnosticProvider());
            assertEquals(false, result.getCapabilities().getDiagnosticProvider().isInterFileDependencies());
        }
    }

    @Test
    void exitAfterShutdownGivesZero() {
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize();
            assertEquals(0, lsp.shutdownAndExit());
        }
    }

    @Test
    void exitWithoutShutdownGivesOne() {
        try (LspHarness lsp = LspHarness.start()) {
            lsp.initialize();
            lsp.server.exit();
            assertEquals(1, LspHarness.get(lsp.session.exitCode()));
        }
    }

    @Test
    void stopsWhenTheClientProcessDies() throws Exception {
        Process fakeEditor = new ProcessBuilder("sleep", "120").start();
        try (LspHarness lsp = LspHarness.start()) {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(Capabilities.typicalEditor());
            params.setProcessId((int) fakeEditor.pid());
            LspHarness.get(lsp.server.initialize(params));
            assertTrue(!lsp.session.exitCode().isDone());
            fakeEditor.destroy();
            assertTrue(fakeEditor.waitFor(30, TimeUnit.SECONDS));
            // polled every 100 ms in tests; the wait bound only turns a hang into a failure
            assertEquals(1, lsp.session.exitCode().get(30, TimeUnit.SECONDS));
        } finally {
            fakeEditor.destroyForcibly();
        }
    }

    @Test
    void anInvisibleClientProcessIsNotTakenAsDead() {
        try (LspHarness lsp = LspHarness.start(LspHarness.options().withParentPollInterval(Duration.ofMillis(50)))) {
            InitializeParams params = new InitializeParams();
            params.setCapabilities(Capabilities.typicalEditor());
            params.setProcessId(Integer.MAX_VALUE); // no such pid here (e.g. an editor outside the container)
            LspHarness.get(lsp.server.initialize(params));
            lsp.client.awaitLog(m -> m.contains("not visible"));
            assertEquals(0, lsp.shutdownAndExit());
        }
    }
}
