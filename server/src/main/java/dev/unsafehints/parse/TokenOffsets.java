package dev.unsafehints.parse;

/**
 * Converts ANTLR's code point indices to UTF-16 offsets (Java string indices, LSP's unit). The two
 * differ only after a character outside the Basic Multilingual Plane, such as an emoji.
 */
public final class TokenOffsets {
    private final int[] utf16ByCodePoint; // null when the text has no surrogate pairs

    public TokenOffsets(String text) {
        // one code point per char unless the text has surrogate pairs (constant time for Latin-1 text)
        if (text.codePointCount(0, text.length()) == text.length()) {
            utf16ByCodePoint = null;
            return;
        }
        int count = text.codePointCount(0, text.length());
        utf16ByCodePoint = new int[count + 1];
        int offset = 0;
        for (int cp = 0; cp < count; cp++) {
            utf16ByCodePoint[cp] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        utf16ByCodePoint[count] = offset;
    }

    public int toUtf16(int codePointIndex) {
        if (utf16ByCodePoint == null) {
            return codePointIndex;
        }
        int i = Math.max(0, Math.min(codePointIndex, utf16ByCodePoint.length - 1));
        return utf16ByCodePoint[i];
    }
}
