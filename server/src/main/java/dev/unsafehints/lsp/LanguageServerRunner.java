package dev.unsafehints.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Connects a language server to a pair of streams (stdin/stdout for {@code serve}, pipes in tests)
 * and runs it until the client says {@code exit}, closes the input, or its process dies.
 */
public final class LanguageServerRunner {
    /** A running server: wait on {@link #exitCode()}, then {@link #stop()}. */
    public static final class Session {
        private final UnsafeHintsLanguageServer server;
        private final ExecutorService jsonRpcThreads;

        private Session(UnsafeHintsLanguageServer server, ExecutorService jsonRpcThreads) {
            this.server = server;
            this.jsonRpcThreads = jsonRpcThreads;
        }

        public java.util.concurrent.CompletableFuture<Integer> exitCode() {
            return server.exitCode();
        }

        public UnsafeHintsLanguageServer server() {
            return server;
        }

        /** Releases the server's threads (the streams belong to the caller). */
        public void stop() {
            server.dispose();
            jsonRpcThreads.shutdown(); // no interrupts: a reader blocked on input is a daemon thread and ends at EOF
        }
    }

    private LanguageServerRunner() {
    }

    /**
     * Errors the handlers chose (unknown method, bad params, ...) go back as they are; anything else
     * is a bug: logged with its stack trace and answered as an internal error.
     */
    static ResponseError toResponseError(Throwable error, ClientLog log) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.lang.reflect.InvocationTargetException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ResponseErrorException) {
            return ((ResponseErrorException) cause).getResponseError();
        }
        log.error("a request failed", cause);
        return new ResponseError(ResponseErrorCode.InternalError, "unsafe-hints internal error: " + cause, null);
    }

    /** Serves until exit and returns the process exit code (0 after shutdown + exit, else 1). */
    public static int run(InputStream in, OutputStream out, PrintStream stderr, ServerOptions options) {
        return run(in, out, stderr, options, ClientLog.Stderr.ALL);
    }

    /** {@code stderrLog}: whether a line the client received as a log message also goes to stderr. */
    public static int run(InputStream in, OutputStream out, PrintStream stderr, ServerOptions options,
                          ClientLog.Stderr stderrLog) {
        Session session = start(in, out, stderr, options, stderrLog);
        int code = session.exitCode().join();
        session.stop();
        return code;
    }

    public static Session start(InputStream in, OutputStream out, PrintStream stderr, ServerOptions options) {
        return start(in, out, stderr, options, ClientLog.Stderr.ALL);
    }

    public static Session start(InputStream in, OutputStream out, PrintStream stderr, ServerOptions options,
                                ClientLog.Stderr stderrLog) {
        ClientLog log = new ClientLog(stderr, stderrLog);
        UnsafeHintsLanguageServer server = new UnsafeHintsLanguageServer(options, log);
        // the server's own classes are initialised; the analysis warms up while LSP4J starts and the client connects
        StartupWarmUp.begin();
        ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("unsafe-hints-jsonrpc"));
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(threads)
                .wrapMessages(new LifecycleGuard(log))
                .setExceptionHandler(error -> toResponseError(error, log))
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread watcher = new Thread(() -> {
            try {
                listening.get();
            } catch (Exception e) {
                log.warn("the connection to the client ended: " + e);
            }
            server.inputClosed();
        }, "unsafe-hints-input-watch");
        watcher.setDaemon(true);
        watcher.start();
        return new Session(server, threads);
    }
}
