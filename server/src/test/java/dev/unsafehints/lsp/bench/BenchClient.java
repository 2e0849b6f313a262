package dev.unsafehints.lsp.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressKind;
import org.eclipse.lsp4j.services.LanguageClient;

/** The benchmark's client: notes when each diagnostics version arrives and when indexing ends. */
final class BenchClient implements LanguageClient {
    /** Arrival time (System.nanoTime) per "uri#version". */
    private final ConcurrentHashMap<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    final CompletableFuture<Long> indexingDone = new CompletableFuture<>();
    final List<String> log = new CopyOnWriteArrayList<>();

    private CompletableFuture<Long> slot(String uri, Integer version) {
        return arrivals.computeIfAbsent(uri + "#" + version, k -> new CompletableFuture<>());
    }

    /** Nanos when diagnostics for that version arrived; waits up to {@code seconds}. */
    long awaitDiagnostics(String uri, int version, long seconds) throws Exception {
        try {
            return slot(uri, version).get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no diagnostics for " + uri + " version " + version + " within " + seconds
                    + " s; server log: " + log, e);
        }
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        slot(params.getUri(), params.getVersion()).complete(System.nanoTime());
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        if (params.getValue().isLeft() && params.getValue().getLeft().getKind() == WorkDoneProgressKind.end) {
            indexingDone.complete(System.nanoTime());
        }
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(org.eclipse.lsp4j.ConfigurationParams params) {
        return CompletableFuture.completedFuture(java.util.Collections.nCopies(params.getItems().size(), null));
    }

    @Override
    public void logMessage(MessageParams message) {
        log.add(message.getMessage());
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams messageParams) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }
}
