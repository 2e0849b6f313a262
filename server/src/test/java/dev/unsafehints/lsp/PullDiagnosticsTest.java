package dev.unsafehints.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.lsp.testing.Capabilities;
import dev.unsafehints.lsp.testing.LspHarness;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pull diagnostics ({@code textDocument/diagnostic}). Clients that pull get no pushes for open
 * documents, so no editor shows each finding twice.
 */
class PullDiagnosticsTest {
    private static final String URI = "file:///tmp/unsafe-hints-test/src/pull.rs";
    private LspHarness lsp;

    @BeforeEach
    void start() {
        lsp = LspHarness.start();
        lsp.initialize(Capabilities.pullDiagnostics());
    }

    @AfterEach
    void stop() {
        lsp.close();
    }

    private DocumentDiagnosticReport pull(String previousResultId) {
        DocumentDiagnosticParams params = new DocumentDiagnosticParams(new TextDocumentIdentifier(URI));
        params.setPreviousResultId(previousResultId);
        return LspHarness.get(lsp.server.getTextDocumentService().diagnostic(params));
    }

    @Test
    void pullReturnsTheCurrentFindingsAndUnchangedWhenNothingChanged() {
        lsp.open(URI, "fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
        DocumentDiagnosticReport first = pull(null);
        RelatedFullDocumentDiagnosticReport full = first.getRelatedFullDocumentDiagnosticReport();
        assertTrue(full.getItems().stream().anyMatch(d -> d.getCode().getLeft().equals("unsafe-block")));
        String resultId = full.getResultId();

        DocumentDiagnosticReport again = pull(resultId);
        assertTrue(again.isRelatedUnchangedDocumentDiagnosticReport());
        assertEquals(resultId, again.getRelatedUnchangedDocumentDiagnosticReport().getResultId());

        lsp.change(URI, LspHarness.range(0, 27, 0, 27), "");   // a no-op edit still makes a new version
        lsp.replaceAll(URI, "fn f() {}\n");
        DocumentDiagnosticReport afterEdit = pull(resultId);
        assertTrue(afterEdit.isRelatedFullDocumentDiagnosticReport());
        assertTrue(afterEdit.getRelatedFullDocumentDiagnosticReport().getItems().isEmpty());
        assertTrue(lsp.client.diagnostics.isEmpty(), "nothing is pushed to a pulling client: " + lsp.client.diagnostics);
    }

    @Test
    void settingsChangesAskTheClientToPullAgain() {
        lsp.open(URI, "fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
        String before = pull(null).getRelatedFullDocumentDiagnosticReport().getResultId();
        com.google.gson.JsonObject settings = new com.google.gson.JsonObject();
        com.google.gson.JsonObject rules = new com.google.gson.JsonObject();
        rules.addProperty("unsafe-block", "off");
        settings.add("rules", rules);
        com.google.gson.JsonObject wrapper = new com.google.gson.JsonObject();
        wrapper.add("unsafeHints", settings);
        lsp.server.getWorkspaceService().didChangeConfiguration(
                new org.eclipse.lsp4j.DidChangeConfigurationParams(wrapper));
        lsp.client.await(() -> lsp.client.diagnosticRefreshes > 0 ? true : null, "workspace/diagnostic/refresh");
        DocumentDiagnosticReport after = pull(before);
        assertTrue(after.isRelatedFullDocumentDiagnosticReport(), "new settings give a new result id");
        assertTrue(after.getRelatedFullDocumentDiagnosticReport().getItems().stream()
                .noneMatch(d -> d.getCode().getLeft().equals("unsafe-block")));
    }

    @Test
    void aClosedFileIsAnalysedFromDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("disk.rs");
        java.nio.file.Files.writeString(file, "fn f(p: *const u8) -> u8 { unsafe { *p } }\n");
        DocumentDiagnosticParams params = new DocumentDiagnosticParams(new TextDocumentIdentifier(file.toUri().toString()));
        DocumentDiagnosticReport report = LspHarness.get(lsp.server.getTextDocumentService().diagnostic(params));
        assertTrue(report.getRelatedFullDocumentDiagnosticReport().getItems().stream()
                .anyMatch(d -> d.getCode().getLeft().equals("raw-pointer-deref")));
    }
}
