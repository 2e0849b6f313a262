package dev.unsafehints.lsp.testing;

import dev.unsafehints.lsp.LanguageServerRunner;
import dev.unsafehints.lsp.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A server and a real LSP4J client in one JVM, talking JSON-RPC over in-memory pipes: every
 * message is serialised, framed and parsed as over stdio. The client side traces all messages
 * (the raw JSON), so tests can assert on what went over the wire.
 */
public final class LspHarness implements AutoCloseable {
    public final RecordingClient client = new RecordingClient();
    public final LanguageServer server;
    public final LanguageServerRunner.Session session;
    private final BlockingPipe toServer = new BlockingPipe();
    private final BlockingPipe toClient = new BlockingPipe();
    private final StringWriter trace = new StringWriter();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private int nextVersion = 1;

    private LspHarness(ServerOptions options) {
        session = LanguageServerRunner.start(toServer.in, toClient.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8), options);
        Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>()
                .setLocalService(client)
                .setRemoteInterface(LanguageServer.class)
                .setInput(toClient.in)
                .setOutput(toServer.out)
                .traceMessages(new PrintWriter(trace, true))
                .create();
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    /** A server running the stand-in rules with a short debounce. */
    public static LspHarness start() {
        return start(options());
    }

    public static LspHarness start(ServerOptions options) {
        return new LspHarness(options);
    }

    public static ServerOptions options() {
        return new ServerOptions(StandInRules.all(), Duration.ofMillis(10), Duration.ofMillis(100), 2);
    }

    public InitializeResult initialize(ClientCapabilities caps, Path... roots) {
        return initialize(caps, null, roots);
    }

    /** Initializes with {@code initializationOptions} (e.g. {@code {"workspaceTrusted": false}}). */
    public InitializeResult initialize(ClientCapabilities caps, Object initializationOptions, Path... roots) {
        InitializeParams params = new InitializeParams();
        params.setCapabilities(caps);
        params.setInitializationOptions(initializationOptions);
        List<WorkspaceFolder> folders = new ArrayList<>();
        for (Path root : roots) {
            folders.add(new WorkspaceFolder(root.toUri().toString(), root.getFileName().toString()));
        }
        params.setWorkspaceFolders(folders);
        params.setProcessId((int) ProcessHandle.current().pid());
        InitializeResult result = get(server.initialize(params));
        server.initialized(new InitializedParams());
        return result;
    }

    public InitializeResult initialize(Path... roots) {
        return initialize(Capabilities.typicalEditor(), roots);
    }

    public int open(String uri, String text) {
        int version = nextVersion++;
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "rust", version, text)));
        return version;
    }

    /** Sends one incremental change; returns the new version. */
    public int change(String uri, Range range, String newText) {
        int version = nextVersion++;
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(range, newText))));
        return version;
    }

    public int replaceAll(String uri, String text) {
        int version = nextVersion++;
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
        return version;
    }

    public void close(String uri) {
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    public static Range range(int line, int character, int endLine, int endCharacter) {
        return new Range(new Position(line, character), new Position(endLine, endCharacter));
    }

    /** Everything that went over the wire so far, as LSP4J's trace prints it. */
    public String wireTrace() {
        return trace.toString();
    }

    public String serverStderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    public int shutdownAndExit() {
        get(server.shutdown());
        server.exit();
        return get(session.exitCode());
    }

    public static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(RecordingClient.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        toServer.closeWriter();
        toClient.closeWriter();
        try {
            session.exitCode().get(RecordingClient.PATIENCE.toSeconds(), TimeUnit.SECONDS); // the server saw EOF
        } catch (Exception e) {
            // stop anyway
        }
        session.stop();
    }
}
