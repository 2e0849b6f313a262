package dev.unsafehints.workspace;

import dev.unsafehints.text.TextPosition;
import java.nio.file.Path;

/**
 * A struct field that may hold an `unsafe fn` pointer: declared with such a type ({@code aliasName}
 * null), or with a plain path that may name a type alias of one (resolved against the crate's aliases).
 *
 * @param field     the field's name (`drop`, or `0` for a tuple struct's first field)
 * @param typeText  the field's type as written, e.g. `unsafe fn(*const u8)` or `PrefilterFnTy`
 * @param aliasName the alias the type may name, or null when the type is written out
 * @param position  where the field's name (or, in a tuple struct, its type) starts
 */
public record FnPointerField(String struct, String field, String typeText, String aliasName, Path file,
                             TextPosition position) {
    /** The same field, said to be in {@code path}. */
    public FnPointerField inFile(Path path) {
        return new FnPointerField(struct, field, typeText, aliasName, path, position);
    }
}
