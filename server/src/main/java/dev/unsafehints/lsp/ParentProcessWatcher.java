package dev.unsafehints.lsp;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends the server when the editor process that started it is gone (the {@code processId} of
 * {@code initialize}), so a crashed editor does not leave servers behind. Polls, because
 * {@link ProcessHandle#onExit()} cannot be relied on for processes that are not our children.
 */
final class ParentProcessWatcher implements AutoCloseable {
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("unsafe-hints-parent-watch"));

    /**
     * Starts watching. A pid that is not visible from here (e.g. the editor runs outside this
     * container) is not watched at all rather than taken as dead.
     */
    static Optional<ParentProcessWatcher> watch(long pid, Duration interval, Runnable onGone, ClientLog log) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            log.warn("client process " + pid + " is not visible from the server; not watching it");
            return Optional.empty();
        }
        ParentProcessWatcher watcher = new ParentProcessWatcher();
        watcher.timer.scheduleWithFixedDelay(() -> {
            if (!handle.get().isAlive()) {
                log.warn("client process " + pid + " has exited; stopping the server");
                watcher.timer.shutdown();
                onGone.run();
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(watcher);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
