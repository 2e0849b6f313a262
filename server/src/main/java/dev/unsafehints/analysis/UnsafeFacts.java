package dev.unsafehints.analysis;

/** The unsafe facts of one file, built in one walk of its tree (filled in by UnsafeFactsBuilder). */
public final class UnsafeFacts {
    static UnsafeFacts of(FileModel model) {
        return new UnsafeFacts();
    }
}
