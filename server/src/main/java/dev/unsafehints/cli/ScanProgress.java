package dev.unsafehints.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on standard error, only when it is an interactive terminal (never on CI
 * or when output is redirected). Counts steps (each file is read twice: index, then analysis) and
 * shows a percentage; redrawn at most once per percent.
 */
final class ScanProgress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private final AtomicInteger done = new AtomicInteger();
    private int lastPercent = -1;

    ScanProgress(PrintStream err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled && total > 0;
    }

    static boolean terminalAttached() {
        String ci = System.getenv("CI");
        return System.console() != null && (ci == null || ci.isEmpty() || ci.equals("false"));
    }

    void fileDone() {
        int n = done.incrementAndGet();
        if (!enabled) {
            return;
        }
        int percent = (int) (100L * n / total);
        synchronized (this) {
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = WIDTH * n / total;
            err.print("\rscanning [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
            err.flush();
        }
    }

    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
