package dev.unsafehints.text;

/**
 * Code quoted in a message, a hover or a checklist: on one line and cut, so that the sentence
 * around it stays readable.
 */
public final class Snippets {
    /** How long a quote in a finding's message may be. */
    public static final int IN_MESSAGE = 40;

    private Snippets() {
    }

    /** The text on one line, at most {@link #IN_MESSAGE} characters (longer ones end in `...`). */
    public static String shorten(String text) {
        return shorten(text, IN_MESSAGE);
    }

    /** The text on one line without its outer whitespace, at most {@code max} characters (longer ones end in `...`). */
    public static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > max ? oneLine.substring(0, max - 3) + "..." : oneLine;
    }
}
