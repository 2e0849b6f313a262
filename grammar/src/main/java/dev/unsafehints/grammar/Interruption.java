package dev.unsafehints.grammar;

import java.util.concurrent.CancellationException;

/**
 * Lets a watchdog stop a parse that takes too long: it interrupts the parsing thread, and the
 * parser's next prediction throws. (ANTLR itself never looks at the interrupt flag.) The check is
 * a read of a field of the current thread, made once per prediction.
 */
public final class Interruption {
    private Interruption() {
    }

    /** Throws {@link CancellationException} if the current thread has been interrupted. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("stopped: the thread was interrupted");
        }
    }
}
