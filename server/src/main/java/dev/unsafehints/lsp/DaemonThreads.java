package dev.unsafehints.lsp;

import dev.unsafehints.analysis.DeepStack;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a stuck worker never keeps the JVM alive after {@code exit}. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Named daemon threads with the deep stack parsing needs, so an analysis needs no thread of its own. */
    static ThreadFactory deepStack(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> DeepStack.thread(runnable, prefix + "-" + count.incrementAndGet());
    }

    static ThreadFactory lowPriority(String prefix) {
        ThreadFactory base = named(prefix);
        return runnable -> {
            Thread t = base.newThread(runnable);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
    }
}
