package dev.unsafehints.cli;

import dev.unsafehints.grammar.LexedSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tokens the scan's index pass lexed from each file, kept for the analysis pass so that no
 * file is lexed twice, within a memory budget: a file that does not fit is lexed again by the
 * analysis, as before. The analysis takes a file's tokens out, so the memory goes as it proceeds.
 */
final class LexedFiles {
    /**
     * An eighth of the heap the JVM may use, and never more than 256 MB: the standard library's
     * 2,805 files (47 MB of text) hold about 140 MB, and the scan's own live heap is under 400 MB.
     */
    static final long DEFAULT_BUDGET = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);

    private final Map<Path, LexedSource> byFile = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    private final long budget;

    LexedFiles(long budget) {
        this.budget = budget;
    }

    /** Keeps the file's tokens if they fit in what the budget has left. */
    void offer(Path file, LexedSource lexed) {
        if (lexed == null) {
            return;
        }
        long size = lexed.retainedBytes();
        if (held.addAndGet(size) > budget) {
            held.addAndGet(-size);
            return;
        }
        LexedSource before = byFile.put(file, lexed);
        if (before != null) { // a file walked twice: only its last tokens are kept
            held.addAndGet(-before.retainedBytes());
        }
    }

    /** The file's tokens, given out once (null when they were not kept). */
    LexedSource take(Path file) {
        LexedSource lexed = byFile.remove(file);
        if (lexed != null) {
            held.addAndGet(-lexed.retainedBytes());
        }
        return lexed;
    }
}
