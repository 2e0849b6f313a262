package dev.unsafehints.analysis;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Unsafe methods of slices whose names are safe elsewhere in std (`Layout::align_to` is safe,
 * `<[T]>::align_to` is not): unsafe only when the receiver's declared type is a slice, an array or a
 * `Vec` (which dereferences to a slice).
 */
final class SliceMethods {
    static final Set<String> UNSAFE_SLICE_METHODS = Set.of("align_to", "align_to_mut");

    // after dropping `&`, `&mut` and lifetimes: `[T]`, `[T; N]`, `Vec<T>`, `Box<[T]>`
    private static final Pattern SLICE_LIKE = Pattern.compile(
            "\\[.*]|((::)?(std|alloc)::vec::)?Vec<.*>|((::)?(std|alloc)::boxed::)?Box<\\[.*]>", Pattern.DOTALL);

    private SliceMethods() {
    }

    /** Whether a declared type (e.g. `&'a mut [u8]`, `[u32; 4]`, `&Vec<T>`) auto-dereferences to a slice. */
    static boolean isSliceLike(String typeText) {
        if (typeText == null) {
            return false;
        }
        String t = typeText.replaceAll("\\s+", " ").trim();
        while (t.startsWith("&")) {
            t = t.substring(1).trim();
            if (t.startsWith("'")) {
                int space = t.indexOf(' ');
                t = space < 0 ? "" : t.substring(space + 1).trim();
            }
            if (t.startsWith("mut ")) {
                t = t.substring(4).trim();
            }
        }
        return SLICE_LIKE.matcher(t.replace(" ", "")).matches();
    }
}
