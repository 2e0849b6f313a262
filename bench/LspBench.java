import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Measures the language server as an editor sees it: {@code unsafe-hints serve} started as a process,
 * time from start to the first diagnostics of an opened file (cold start), then edits one at a time,
 * each timed from didChange to the diagnostics of that version. Prints key=value lines for bench/run.
 *
 * <p>Run with the shaded jar on the class path (it holds LSP4J):
 * {@code java -cp server/target/unsafe-hints.jar bench/LspBench.java FILE.rs [EDITS]}.
 */
public class LspBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String jar = System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String text = Files.readString(file);
        String uri = file.toUri().toString();

        long t0 = System.nanoTime();
        Process server = new ProcessBuilder(java, "-jar", jar, "serve")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Client client = new Client();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, server.getInputStream(),
                server.getOutputStream());
        launcher.startListening();
        LanguageServer remote = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setCapabilities(new ClientCapabilities());
        remote.initialize(init).get(120, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "rust", 1, text)));
        client.await(uri, 1);
        double coldStartMs = (System.nanoTime() - t0) / 1e6;

        // Edits: type a comment character at the end of the file, then delete it, alternately; each
        // waits for its own diagnostics, as a person typing slower than the analysis would.
        int lastLine = (int) text.lines().count();
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            int version = i + 2;
            boolean add = i % 2 == 0;
            Range range = add ? new Range(new Position(lastLine, 0), new Position(lastLine, 0))
                    : new Range(new Position(lastLine, 0), new Position(lastLine, 3));
            long start = System.nanoTime();
            remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, version),
                    List.of(new TextDocumentContentChangeEvent(range, add ? "//x" : ""))));
            client.await(uri, version);
            latencies.add((System.nanoTime() - start) / 1e6);
        }
        long rssKb = peakRssKb(server.pid());
        remote.shutdown().get(30, TimeUnit.SECONDS);
        remote.exit();
        server.waitFor(30, TimeUnit.SECONDS);
        server.destroyForcibly();
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "file=%s bytes=%d edits=%d%n", file, text.length(), edits);
        System.out.printf(Locale.ROOT, "cold_start_ms=%.0f%n", coldStartMs);
        System.out.printf(Locale.ROOT, "edit_p50_ms=%.0f%n", percentile(latencies, 50));
        System.out.printf(Locale.ROOT, "edit_p99_ms=%.0f%n", percentile(latencies, 99));
        System.out.printf(Locale.ROOT, "server_peak_rss_mb=%d%n", rssKb / 1024);
        System.exit(0);
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** VmHWM of the server process: its peak resident memory so far. */
    private static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Records diagnostics by uri and version; everything else is ignored. */
    static final class Client implements LanguageClient {
        private final ConcurrentHashMap<String, CompletableFuture<Void>> published = new ConcurrentHashMap<>();

        private CompletableFuture<Void> slot(String uri, int version) {
            return published.computeIfAbsent(uri + "#" + version, k -> new CompletableFuture<>());
        }

        void await(String uri, int version) throws Exception {
            slot(uri, version).get(300, TimeUnit.SECONDS);
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            if (params.getVersion() != null) {
                slot(params.getUri(), params.getVersion()).complete(null);
            }
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }
}
