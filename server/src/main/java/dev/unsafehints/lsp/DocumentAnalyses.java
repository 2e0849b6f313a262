package dev.unsafehints.lsp;

import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.Snapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Analyses open documents off the JSON-RPC thread. Each document has one current slot, the newest
 * version (and settings generation) handed in. A new version supersedes the slot: a debounced
 * analysis that has not started yet is dropped, one that is running finishes but its result only
 * reaches requests that asked for exactly that version. Only the current slot's result is passed on
 * to {@code onCurrentResult} (which publishes), and the check and the hand-over happen under one
 * lock, so an old version can never be published after a newer one.
 *
 * <p>Debouncing is leading and trailing: an edit after a quiet period is analysed at once (an
 * isolated change shows its diagnostics as fast as the analysis allows), while edits that follow
 * each other within the debounce time are collapsed into one analysis after the last of them.
 */
final class DocumentAnalyses implements AutoCloseable {
    private final Function<Snapshot, AnalyzedDocument> analyze;
    private final Consumer<AnalyzedDocument> onCurrentResult;
    private final ClientLog log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("unsafe-hints-debounce"));
    private final ExecutorService workers;
    private final Map<String, Slot> slots = new HashMap<>(); // guarded by this
    private final Map<String, Long> lastSubmit = new HashMap<>(); // guarded by this; System.nanoTime()
    private final Object publishLock = new Object();
    /** Analyses started and not yet handed on: while there are any, the indexer waits ({@link #busy()}). */
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    DocumentAnalyses(Function<Snapshot, AnalyzedDocument> analyze, Consumer<AnalyzedDocument> onCurrentResult,
                     int threads, ClientLog log) {
        this.analyze = analyze;
        this.onCurrentResult = onCurrentResult;
        this.log = log;
        this.workers = Executors.newFixedThreadPool(threads, DaemonThreads.deepStack("unsafe-hints-analysis"));
    }

    private final class Slot {
        final Snapshot snapshot;
        final CompletableFuture<AnalyzedDocument> result = new CompletableFuture<>();
        ScheduledFuture<?> pending; // guarded by DocumentAnalyses.this
        boolean started;            // guarded by DocumentAnalyses.this

        Slot(Snapshot snapshot) {
            this.snapshot = snapshot;
        }
    }

    /** Makes {@code snapshot} the document's current version and analyses it after {@code delay}. */
    synchronized void submit(Snapshot snapshot, Duration delay) {
        Slot slot = new Slot(snapshot);
        supersede(slots.put(snapshot.uri(), slot));
        long now = System.nanoTime();
        Long previous = lastSubmit.put(snapshot.uri(), now);
        boolean quietBefore = previous == null || now - previous >= delay.toNanos();
        if (delay.isZero() || quietBefore) {
            start(slot);
        } else {
            slot.pending = timer.schedule(() -> startIfCurrent(slot), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The analysis of the document's current version, started now if it was still waiting out the
     * debounce; null when the document is not open.
     */
    synchronized CompletableFuture<AnalyzedDocument> current(String uri) {
        Slot slot = slots.get(uri);
        if (slot == null) {
            return null;
        }
        if (!slot.started) {
            slot.pending.cancel(false);
            start(slot);
        }
        return slot.result;
    }

    synchronized void remove(String uri) {
        lastSubmit.remove(uri);
        supersede(slots.remove(uri));
    }

    synchronized boolean isCurrent(Snapshot snapshot) {
        Slot slot = slots.get(snapshot.uri());
        return slot != null && slot.snapshot.equals(snapshot);
    }

    private void supersede(Slot old) {
        if (old != null && !old.started) {
            if (old.pending != null) {
                old.pending.cancel(false);
            }
            old.result.cancel(false);
        }
    }

    private synchronized void startIfCurrent(Slot slot) {
        if (!slot.started && slots.get(slot.snapshot.uri()) == slot) {
            start(slot);
        }
    }

    private void start(Slot slot) { // caller holds the lock
        slot.started = true;
        running.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    run(slot);
                } finally {
                    running.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            running.decrementAndGet();
            slot.result.cancel(false); // the server is shutting down
        }
    }

    /**
     * Whether an open document's analysis is under way (not one still waiting out its debounce):
     * the user waits for it, so background work gives it the cores.
     */
    boolean busy() {
        return running.get() > 0;
    }

    private void run(Slot slot) {
        AnalyzedDocument done;
        try {
            done = analyze.apply(slot.snapshot);
        } catch (RuntimeException | StackOverflowError e) {
            log.error("analysis of " + slot.snapshot.uri() + " (version " + slot.snapshot.version() + ") failed", e);
            slot.result.completeExceptionally(e);
            return;
        }
        try {
            synchronized (publishLock) {
                boolean current;
                synchronized (this) {
                    current = slots.get(slot.snapshot.uri()) == slot;
                }
                if (current) {
                    onCurrentResult.accept(done);
                } else {
                    log.debug("not publishing " + slot.snapshot.uri() + " version " + slot.snapshot.version()
                            + ": a newer version arrived while it was analysed");
                }
            }
        } catch (RuntimeException e) {
            log.error("cannot hand on the analysis of " + slot.snapshot.uri(), e);
        } finally {
            slot.result.complete(done);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
