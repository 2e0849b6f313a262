package dev.unsafehints.analysis;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs parsing and analysis on a thread with a large stack. Both walk the tree recursively, and real
 * code (long operator chains, deeply nested macros and closures) can nest deeper than a default
 * thread stack allows. The stack is reserved, not committed, so the cost is address space only.
 */
public final class DeepStack {
    /** Enough for about 10,000 nested parentheses, blocks or closures. */
    public static final long STACK_BYTES = 512L * 1024 * 1024;

    private DeepStack() {
    }

    /** Threads made by {@link #thread}: work on them runs in place. */
    private static final ThreadLocal<Boolean> DEEP = ThreadLocal.withInitial(() -> false);

    /** A daemon thread with a deep stack, for pools that run many parses (no thread per call then). */
    public static Thread thread(Runnable work, String name) {
        Thread t = new Thread(null, () -> {
            DEEP.set(true);
            work.run();
        }, name, STACK_BYTES);
        t.setDaemon(true);
        return t;
    }

    public static <T> T call(Callable<T> work) {
        if (DEEP.get()) {
            try {
                return work.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = thread(task, "unsafe-hints-analysis");
        thread.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
