package dev.unsafehints.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub code scanning's {@code primaryLocationLineHash}: for each line, a polynomial rolling hash
 * (base 37, 64-bit wrap-around arithmetic) over the next 100 characters of the file starting at the
 * line's first character, where spaces and tabs are left out and every line break counts as one
 * {@code \n}. The end of the file counts as the character 0xFFFF and the window is then padded with
 * zeros. A hash value seen before in the same file gets a higher occurrence number, written as
 * {@code <hex>:<n>}. Matching the upload action's values lets GitHub track an alert across commits
 * whether we or the action fill in the fingerprint.
 */
public final class LineHashes {
    private static final int WINDOW = 100;
    private static final long BASE = 37;
    private static final int END_OF_FILE = 0xFFFF;
    /** BASE^WINDOW: the weight of the character that leaves the window. */
    private static final long LEAVING_WEIGHT;

    static {
        long w = 1;
        for (int i = 0; i < WINDOW; i++) {
            w *= BASE;
        }
        LEAVING_WEIGHT = w;
    }

    private final int[] window = new int[WINDOW];
    /** The 1-based line that starts at each window slot, or 0. */
    private final int[] lineAtSlot = new int[WINDOW];
    // per line (index 0 = line 1): the hash and its occurrence number; the text form is made only
    // for the lines a report asks for
    private long[] hashes = new long[64];
    private int[] occurrences = new int[64];
    private int emitted;
    private final Map<Long, Integer> seen = new HashMap<>();
    private long hash;
    private int slot;
    private int lines;
    private boolean atLineStart = true;
    private boolean afterCarriageReturn;

    private LineHashes() {
    }

    /** The hash of every line of {@code text}; element 0 belongs to line 1. */
    public static List<String> of(String text) {
        LineHashes h = new LineHashes();
        for (int i = 0; i < text.length(); i++) {
            h.accept(text.charAt(i));
        }
        h.accept(END_OF_FILE);
        for (int i = 0; i < WINDOW; i++) {
            h.emitIfLineStartsHere();
            h.push(0);
        }
        long[] hashes = h.hashes;
        int[] occurrences = h.occurrences;
        int count = h.emitted;
        return new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                if (index < 0 || index >= count) {
                    throw new IndexOutOfBoundsException(index);
                }
                return occurrences[index] == 0 ? "" : Long.toHexString(hashes[index]) + ":" + occurrences[index];
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    private void accept(int c) {
        boolean skip = c == ' ' || c == '\t' || (afterCarriageReturn && c == '\n');
        if (skip) {
            afterCarriageReturn = false;
            return;
        }
        afterCarriageReturn = c == '\r';
        if (c == '\r') {
            c = '\n';
        }
        emitIfLineStartsHere();
        if (atLineStart) {
            atLineStart = false;
            lines++;
            lineAtSlot[slot] = lines;
        }
        if (c == '\n') {
            atLineStart = true;
        }
        push(c);
    }

    /** The window now holds the 100 characters from this slot on: that is the hash of its line. */
    private void emitIfLineStartsHere() {
        int line = lineAtSlot[slot];
        if (line == 0) {
            return;
        }
        int occurrence = seen.merge(hash, 1, Integer::sum);
        if (line > hashes.length) {
            hashes = java.util.Arrays.copyOf(hashes, Math.max(line, hashes.length * 2));
            occurrences = java.util.Arrays.copyOf(occurrences, hashes.length);
        }
        hashes[line - 1] = hash;
        occurrences[line - 1] = occurrence;
        emitted = Math.max(emitted, line);
        lineAtSlot[slot] = 0;
    }

    private void push(int c) {
        int leaving = window[slot];
        window[slot] = c;
        hash = BASE * hash + c - LEAVING_WEIGHT * leaving;
        slot = (slot + 1) % WINDOW;
    }
}
