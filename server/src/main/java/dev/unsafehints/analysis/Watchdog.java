package dev.unsafehints.analysis;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the time one file's work may take, so that no file can stall a scan or an editor. The
 * parser is linear by design (see the grammar's BoundedFullPrediction), but a defect found later
 * must cost one file, not the whole run: when the limit passes, the watchdog interrupts the
 * working thread; the parser and the analysis walk look at the interrupt flag and stop, and the
 * caller gets {@link TimedOut} and lists the file as skipped with the reason.
 *
 * <p>The work runs on the calling thread (which keeps its deep stack); the flag is cleared before
 * this returns, so a timed-out file never disturbs the next one on that thread.
 */
public final class Watchdog implements AutoCloseable {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRED = 2;

    private final Duration limit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unsafe-hints-watchdog");
        t.setDaemon(true);
        return t;
    });

    public Watchdog(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }

    /** Runs {@code work} here, stopping it when it takes longer than the limit. */
    public <T> T call(Callable<T> work) throws TimedOut {
        Thread worker = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            if (state.compareAndSet(RUNNING, FIRED)) {
                worker.interrupt();
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        T result;
        try {
            result = work.call();
        } catch (IllegalStateException stopped) { // CancellationException, or an interrupt wrapped on the way
            if (finish(state, alarm)) {
                throw new TimedOut(limit);
            }
            throw stopped;
        } catch (RuntimeException | Error e) {
            finish(state, alarm);
            throw e;
        } catch (Exception checked) {
            finish(state, alarm);
            throw new IllegalStateException(checked);
        }
        if (finish(state, alarm)) {
            // Stopped work may have been caught and skipped over on the way: the result is not whole.
            throw new TimedOut(limit);
        }
        return result;
    }

    /** Ends one watched call; true if the alarm went off (its interrupt is then cleared). */
    private static boolean finish(AtomicInteger state, ScheduledFuture<?> alarm) {
        alarm.cancel(false);
        if (state.compareAndSet(RUNNING, DONE)) {
            return false;
        }
        Thread.interrupted();
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The work took longer than the limit and was stopped. */
    public static final class TimedOut extends Exception {
        private final Duration limit;

        public TimedOut(Duration limit) {
            super(String.format(Locale.ROOT, "not analysed: stopped after %s s (the per-file time limit)",
                    seconds(limit)), null, false, false);
            this.limit = limit;
        }

        public Duration limit() {
            return limit;
        }

        private static String seconds(Duration d) {
            return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
        }
    }
}
