package dev.unsafehints.rules.guideline;

/** Code quoted in a guideline's message: one line, cut so that the message stays readable in a hover. */
final class Snippets {
    private Snippets() {
    }

    /** The text on one line, at most 40 characters (longer ones end in `...`). */
    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
}
