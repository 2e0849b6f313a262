package dev.unsafehints.lsp.testing;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;

/** Client capabilities as editors declare them. */
public final class Capabilities {
    private Capabilities() {
    }

    /** Push diagnostics, markdown hover, configuration, progress, dynamic file watching. */
    public static ClientCapabilities typicalEditor() {
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        HoverCapabilities hover = new HoverCapabilities();
        hover.setContentFormat(List.of(MarkupKind.MARKDOWN, MarkupKind.PLAINTEXT));
        text.setHover(hover);
        PublishDiagnosticsCapabilities publish = new PublishDiagnosticsCapabilities();
        publish.setRelatedInformation(true);
        publish.setVersionSupport(true);
        text.setPublishDiagnostics(publish);
        caps.setTextDocument(text);
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setConfiguration(true);
        ws.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(true));
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        ws.setCodeLens(new CodeLensWorkspaceCapabilities(true));
        caps.setWorkspace(ws);
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        return caps;
    }

    /** Like {@link #typicalEditor()} but pulling diagnostics (LSP 3.17), as VS Code does. */
    public static ClientCapabilities pullDiagnostics() {
        ClientCapabilities caps = typicalEditor();
        caps.getTextDocument().setDiagnostic(new DiagnosticCapabilities(false));
        caps.getWorkspace().setDiagnostics(new DiagnosticWorkspaceCapabilities(true));
        return caps;
    }

    public static ClientCapabilities withDocumentChanges() {
        ClientCapabilities caps = typicalEditor();
        WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        caps.getWorkspace().setWorkspaceEdit(edits);
        return caps;
    }

    /** A client that declares nothing at all (plain text hover, no configuration, no progress). */
    public static ClientCapabilities bare() {
        return new ClientCapabilities();
    }
}
