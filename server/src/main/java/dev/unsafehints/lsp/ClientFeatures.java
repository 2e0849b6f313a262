package dev.unsafehints.lsp;

import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;

/**
 * The client capabilities the server acts on, read once from {@code initialize}. Every field
 * the client leaves out counts as "not supported", as the specification says.
 */
public record ClientFeatures(boolean pullDiagnostics, boolean diagnosticRefresh, boolean workDoneProgress,
                             boolean configuration, boolean configurationDynamicRegistration,
                             boolean watchedFilesDynamicRegistration, boolean documentChanges,
                             boolean markdownHover, boolean multilineSemanticTokens,
                             boolean semanticTokensRefresh, boolean codeLensRefresh) {

    public static final ClientFeatures NONE =
            new ClientFeatures(false, false, false, false, false, false, false, false, false, false, false);

    public static ClientFeatures of(ClientCapabilities caps) {
        if (caps == null) {
            return NONE;
        }
        Optional<TextDocumentClientCapabilities> text = Optional.ofNullable(caps.getTextDocument());
        Optional<WorkspaceClientCapabilities> ws = Optional.ofNullable(caps.getWorkspace());
        Optional<WindowClientCapabilities> window = Optional.ofNullable(caps.getWindow());
        return new ClientFeatures(
                text.map(TextDocumentClientCapabilities::getDiagnostic).isPresent(),
                flag(ws.map(w -> w.getDiagnostics()).map(d -> d.getRefreshSupport())),
                flag(window.map(WindowClientCapabilities::getWorkDoneProgress)),
                flag(ws.map(WorkspaceClientCapabilities::getConfiguration)),
                flag(ws.map(w -> w.getDidChangeConfiguration()).map(d -> d.getDynamicRegistration())),
                flag(ws.map(w -> w.getDidChangeWatchedFiles()).map(d -> d.getDynamicRegistration())),
                flag(ws.map(w -> w.getWorkspaceEdit()).map(e -> e.getDocumentChanges())),
                text.map(t -> t.getHover()).map(h -> h.getContentFormat())
                        .map(formats -> formats.contains(MarkupKind.MARKDOWN)).orElse(false),
                flag(text.map(t -> t.getSemanticTokens()).map(s -> s.getMultilineTokenSupport())),
                flag(ws.map(w -> w.getSemanticTokens()).map(s -> s.getRefreshSupport())),
                flag(ws.map(w -> w.getCodeLens()).map(c -> c.getRefreshSupport())));
    }

    private static boolean flag(Optional<Boolean> value) {
        return value.orElse(false);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
