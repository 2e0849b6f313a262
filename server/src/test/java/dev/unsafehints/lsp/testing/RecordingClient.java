package dev.unsafehints.lsp.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.LogTraceParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A real LSP4J client endpoint that records everything the server sends and answers the server's
 * requests the way an editor would. Waiting helpers block until a condition holds; the generous
 * upper bound only turns a hang into a failure, no test relies on timing.
 */
public final class RecordingClient implements LanguageClient {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    public final List<PublishDiagnosticsParams> diagnostics = new CopyOnWriteArrayList<>();
    public final List<MessageParams> logMessages = new CopyOnWriteArrayList<>();
    public final List<MessageParams> shownMessages = new CopyOnWriteArrayList<>();
    public final List<LogTraceParams> traces = new CopyOnWriteArrayList<>();
    public final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    public final List<WorkDoneProgressCreateParams> progressTokens = new CopyOnWriteArrayList<>();
    public final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    public final List<ConfigurationParams> configurationRequests = new CopyOnWriteArrayList<>();
    public volatile int diagnosticRefreshes;
    /** What {@code workspace/configuration} answers for the {@code unsafeHints} section. */
    public volatile JsonElement settings = new JsonObject();

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.add(params);
        signal();
    }

    @Override
    public void showMessage(MessageParams params) {
        shownMessages.add(params);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
        logMessages.add(params);
        signal();
    }

    @Override
    public void logTrace(LogTraceParams params) {
        traces.add(params);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        configurationRequests.add(params);
        List<Object> result = new ArrayList<>();
        params.getItems().forEach(item -> result.add(settings));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        progressTokens.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.add(params);
        signal();
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshDiagnostics() {
        diagnosticRefreshes++;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshSemanticTokens() {
        return CompletableFuture.completedFuture(null);
    }

    /** The first published diagnostics for the URI that satisfy the condition (waits for them). */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> condition) {
        return await(() -> {
            for (PublishDiagnosticsParams p : diagnostics) {
                if (p.getUri().equals(uri) && condition.test(p)) {
                    return p;
                }
            }
            return null;
        }, "diagnostics for " + uri);
    }

    public PublishDiagnosticsParams awaitDiagnostics(String uri, int version) {
        return awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == version);
    }

    public List<PublishDiagnosticsParams> diagnosticsFor(String uri) {
        List<PublishDiagnosticsParams> result = new ArrayList<>();
        for (PublishDiagnosticsParams p : diagnostics) {
            if (p.getUri().equals(uri)) {
                result.add(p);
            }
        }
        return result;
    }

    public MessageParams awaitLog(Predicate<String> condition) {
        return await(() -> {
            for (MessageParams m : logMessages) {
                if (condition.test(m.getMessage())) {
                    return m;
                }
            }
            return null;
        }, "a log message");
    }

    private final Object signal = new Object();

    private void signal() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /**
     * Waits until {@code probe} returns non-null; woken by every message the client records and
     * re-checked at least every 50 ms (the probe may send requests, so no lock is held while it runs).
     */
    public <T> T await(Supplier<T> probe, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value;
        while ((value = probe.get()) == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                synchronized (signal) {
                    signal.wait(Math.min(50, Math.max(1, left / 1_000_000)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        return value;
    }
}
