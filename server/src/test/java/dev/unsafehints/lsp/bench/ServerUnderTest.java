package dev.unsafehints.lsp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/** {@code java [jvmArgs] -jar unsafe-hints.jar serve} as a child process, with an LSP4J client on its pipes. */
final class ServerUnderTest implements AutoCloseable {
    final Process process;
    final LanguageServer server;
    final BenchClient client = new BenchClient();
    final long startedNanos;

    ServerUnderTest(Path jar, List<String> jvmArgs, String... serveArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add("serve");
        cmd.addAll(List.of(serveArgs));
        startedNanos = System.nanoTime();
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(),
                process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    void initialize(Path workspace) throws Exception {
        InitializeParams params = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        params.setCapabilities(caps);
        params.setProcessId((int) ProcessHandle.current().pid());
        if (workspace != null) {
            params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "bench")));
        }
        server.initialize(params).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    String open(Path file, String text) {
        String uri = file.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "rust", 1, text)));
        return uri;
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
            process.waitFor(30, TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly();
        }
    }
}
