package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.grammar.Interruption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    private final Watchdog watchdog = new Watchdog(Duration.ofMillis(50));

    @AfterEach
    void close() {
        watchdog.close();
    }

    @Test
    void workWithinTheLimitGivesItsResult() throws Exception {
        assertEquals("done", watchdog.call(() -> "done"));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void workThatLooksAtTheFlagIsStoppedAndTheThreadIsLeftClean() {
        Watchdog.TimedOut slow = assertThrows(Watchdog.TimedOut.class, () -> watchdog.call(() -> {
            while (true) {
                Interruption.check();
            }
        }));
        assertEquals("not analysed: stopped after 0.05 s of work (the per-file time limit)", slow.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the next file on this thread must not see the flag");
    }

    @Test
    void workThatOutlivesTheLimitIsNotTrustedEvenIfItEnds() {
        assertThrows(Watchdog.TimedOut.class, () -> watchdog.call(() -> {
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // ignores the flag, as code that swallowed the stop would
            }
            return "partial";
        }));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void waitingIsNotWorkUntilTheClockReachesItsOwnBound() throws Exception {
        // A thread that waits (as a file's analysis does on a machine busy with other work) uses no
        // CPU time: twice the limit on the clock is not a reason to stop it.
        assertEquals("waited", watchdog.call(() -> {
            Thread.sleep(100);
            return "waited";
        }));
        // Work that waits far longer than the limit is stopped all the same.
        assertThrows(Watchdog.TimedOut.class, () -> watchdog.call(() -> {
            Thread.sleep(50L * Watchdog.WALL_FACTOR * 20);
            return "never";
        }));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void otherFailuresPassThrough() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> watchdog.call(() -> {
                    throw new IllegalArgumentException("bad input");
                }));
        assertTrue(e.getMessage().contains("bad input"));
    }
}
