package dev.unsafehints.lsp;

import dev.unsafehints.lsp.inventory.ProgressReporter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Server-initiated work-done progress ({@code window/workDoneProgress/create}, then
 * {@code $/progress} begin, report, end). Only used when the client declared
 * {@code window.workDoneProgress}; otherwise progress goes to the log only. Must not be created on
 * the JSON-RPC reader thread: it waits for the client's answer to the create request.
 */
final class WorkDoneProgress implements ProgressReporter {
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final LanguageClient client;
    private final ClientLog log;
    private final Either<String, Integer> token;
    private final boolean enabled;

    private WorkDoneProgress(LanguageClient client, ClientLog log, Either<String, Integer> token, boolean enabled) {
        this.client = client;
        this.log = log;
        this.token = token;
        this.enabled = enabled;
    }

    static ProgressReporter create(LanguageClient client, ClientFeatures features, ClientLog log, String name) {
        Either<String, Integer> token = Either.forLeft("unsafe-hints/" + name + "/" + TOKENS.incrementAndGet());
        if (client == null || !features.workDoneProgress()) {
            return new WorkDoneProgress(client, log, token, false);
        }
        try {
            client.createProgress(new WorkDoneProgressCreateParams(token)).get(10, TimeUnit.SECONDS);
            return new WorkDoneProgress(client, log, token, true);
        } catch (Exception e) {
            log.debug("the client did not accept a progress token: " + e);
            return new WorkDoneProgress(client, log, token, false);
        }
    }

    @Override
    public void begin(String title, String message) {
        log.debug(title + ": " + message);
        if (enabled) {
            WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
            begin.setTitle(title);
            begin.setMessage(message);
            begin.setPercentage(0);
            begin.setCancellable(false);
            send(Either.forLeft(begin));
        }
    }

    @Override
    public void report(String message, int percentage) {
        if (enabled) {
            WorkDoneProgressReport report = new WorkDoneProgressReport();
            report.setMessage(message);
            report.setPercentage(percentage);
            send(Either.forLeft(report));
        }
    }

    @Override
    public void end(String message) {
        log.info(message);
        if (enabled) {
            WorkDoneProgressEnd end = new WorkDoneProgressEnd();
            end.setMessage(message);
            send(Either.forLeft(end));
        }
    }

    private void send(Either<org.eclipse.lsp4j.WorkDoneProgressNotification, Object> value) {
        try {
            client.notifyProgress(new ProgressParams(token, value));
        } catch (RuntimeException e) {
            log.debug("cannot send progress: " + e);
        }
    }
}
