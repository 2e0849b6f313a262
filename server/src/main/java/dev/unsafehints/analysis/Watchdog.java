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
 * <p>The limit is on the working thread's CPU time, not on the clock: on a loaded machine (a busy CI
 * runner, an editor beside a build) a file that needs two seconds of work may take twenty on the
 * clock, and stopping it would lose its findings for nothing. The clock still bounds work that
 * waits instead of working, at {@link #WALL_FACTOR} times the limit.
 *
 * <p>The work runs on the calling thread (which keeps its deep stack); the flag is cleared before
 * this returns, so a timed-out file never disturbs the next one on that thread.
 */
public final class Watchdog implements AutoCloseable {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRED = 2;

    /** How many times the limit work may take on the clock, working or not. */
    static final int WALL_FACTOR = 10;
    private static final java.lang.management.ThreadMXBean THREADS = threads();

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
        Alarm alarm = new Alarm(worker, state);
        alarm.schedule(limit.toNanos());
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
        } catch (Exception checked) { // an InterruptedException too: a wait the watchdog broke
            if (finish(state, alarm)) {
                throw new TimedOut(limit);
            }
            throw new IllegalStateException(checked);
        }
        if (finish(state, alarm)) {
            // Stopped work may have been caught and skipped over on the way: the result is not whole.
            throw new TimedOut(limit);
        }
        return result;
    }

    /**
     * Looks at the worker when its CPU time may have reached the limit (it cannot have sooner, as a
     * thread's CPU time grows no faster than the clock), and stops it or looks again when it could.
     */
    private final class Alarm implements Runnable {
        private final Thread worker;
        private final AtomicInteger state;
        private final long startCpu;
        private final long startWall = System.nanoTime();
        private volatile ScheduledFuture<?> next;

        Alarm(Thread worker, AtomicInteger state) {
            this.worker = worker;
            this.state = state;
            this.startCpu = cpuTime(worker);
        }

        void schedule(long delayNanos) {
            next = timer.schedule(this, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            long cpu = cpuTime(worker);
            long left = limit.toNanos() - (cpu < 0 || startCpu < 0 ? System.nanoTime() - startWall : cpu - startCpu);
            long wallLeft = limit.toNanos() * WALL_FACTOR - (System.nanoTime() - startWall);
            if (state.get() != RUNNING) {
                return;
            }
            if (left > 0 && wallLeft > 0) {
                schedule(Math.min(left, wallLeft));
            } else if (state.compareAndSet(RUNNING, FIRED)) {
                worker.interrupt();
            }
        }

        void cancel() {
            ScheduledFuture<?> f = next;
            if (f != null) {
                f.cancel(false);
            }
        }
    }

    /** The thread's CPU time in nanoseconds, or -1 where the JVM cannot tell (the clock is used then). */
    private static long cpuTime(Thread thread) {
        try {
            return THREADS == null ? -1 : THREADS.getThreadCpuTime(thread.getId());
        } catch (UnsupportedOperationException | SecurityException e) {
            return -1;
        }
    }

    private static java.lang.management.ThreadMXBean threads() {
        try {
            java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
            if (!bean.isThreadCpuTimeSupported()) {
                return null;
            }
            if (!bean.isThreadCpuTimeEnabled()) {
                bean.setThreadCpuTimeEnabled(true);
            }
            return bean;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Ends one watched call; true if the alarm went off (its interrupt is then cleared). */
    private static boolean finish(AtomicInteger state, Alarm alarm) {
        alarm.cancel();
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
            super(String.format(Locale.ROOT, "not analysed: stopped after %s s of work (the per-file time limit)",
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
