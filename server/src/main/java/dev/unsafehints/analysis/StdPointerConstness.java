package dev.unsafehints.analysis;

import java.util.Set;

/**
 * The mutability of the raw pointers that catalogued std functions return, as their documented
 * signatures say, and of the pointer a written pointer type denotes.
 */
final class StdPointerConstness {
    private StdPointerConstness() {
    }

    /** The entries of {@link StdUnsafeApis#POINTER_RETURNING_PATHS} that return `*mut`; the others return `*const`. */
    private static final Set<String> MUT_PATHS = Set.of(
            "ptr::null_mut", "ptr::dangling_mut", "ptr::from_mut", "ptr::without_provenance_mut",
            "ptr::with_exposed_provenance_mut", "ptr::slice_from_raw_parts_mut", "Box::into_raw",
            "CString::into_raw", "NonNull::as_ptr", "Vec::as_mut_ptr", "alloc::alloc", "alloc::alloc_zeroed",
            "alloc::realloc", "UnsafeCell::raw_get");

    /** "const" or "mut" for a catalogued pointer-returning path (without its std crate), else null. */
    static String ofPath(String key) {
        if (MUT_PATHS.contains(key)) {
            return "mut";
        }
        return StdUnsafeApis.POINTER_RETURNING_PATHS.contains(key) ? "const" : null;
    }

    /** "const" or "mut" for a type text that starts with a raw pointer type (spaces allowed), else null. */
    static String ofType(String typeText) {
        if (typeText == null) {
            return null;
        }
        String t = typeText.replaceAll("\\s+", "");
        return t.startsWith("*const") ? "const" : t.startsWith("*mut") ? "mut" : null;
    }
}
