package dev.unsafehints.lsp;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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
                             boolean semanticTokensRefresh, boolean codeLensRefresh, Set<String> clientCommands) {

    public static final ClientFeatures NONE =
            new ClientFeatures(false, false, false, false, false, false, false, false, false, false, false, Set.of());

    public ClientFeatures {
        clientCommands = Set.copyOf(clientCommands);
    }

    public static ClientFeatures of(ClientCapabilities caps) {
        return of(caps, null);
    }

    /**
     * The capabilities and the commands the client runs itself (so the server may put them on code
     * lenses): {@code initializationOptions.clientCommands}, or, as rust-analyzer reads them,
     * {@code capabilities.experimental.commands.commands}.
     */
    public static ClientFeatures of(ClientCapabilities caps, Object initializationOptions) {
        if (caps == null) {
            return NONE;
        }
        Set<String> commands = new java.util.HashSet<>();
        commands.addAll(stringList(member(initializationOptions, "clientCommands")));
        commands.addAll(stringList(member(member(caps.getExperimental(), "commands"), "commands")));
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
                flag(ws.map(w -> w.getCodeLens()).map(c -> c.getRefreshSupport())), commands);
    }

    /** A member of a JSON object as LSP4J hands untyped values over (Gson), else null. */
    private static Object member(Object json, String name) {
        if (json instanceof com.google.gson.JsonObject o) {
            return o.get(name);
        }
        if (json instanceof java.util.Map<?, ?> m) {
            return m.get(name);
        }
        return null;
    }

    private static List<String> stringList(Object json) {
        List<String> out = new java.util.ArrayList<>();
        if (json instanceof com.google.gson.JsonArray a) {
            for (com.google.gson.JsonElement e : a) {
                if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                    out.add(e.getAsString());
                }
            }
        } else if (json instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String str) {
                    out.add(str);
                }
            }
        }
        return out;
    }

    private static boolean flag(Optional<Boolean> value) {
        return value.orElse(false);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
