package dev.unsafehints.lsp.features;

/** What the hover says about raw pointer types. */
final class PointerTypeDocs {
    private PointerTypeDocs() {
    }

    static String markdown(boolean mutable, String pointee) {
        String type = (mutable ? "*mut " : "*const ") + pointee;
        return mutable ? mutText(type) : constText(type);
    }

    private static String constText(String type) {
        return "**`" + type + "`**: raw pointer for reading values of type `" + pointeeOf(type) + "`\n\n"
                + "A raw pointer has no lifetime and the compiler checks nothing about it: it may be null, dangling,"
                + " unaligned, or point at memory that other code is changing. Making, copying, comparing and"
                + " casting one is safe; reading through it (`*p`, `p.read()`) is an unsafe operation.\n\n"
                + "Before you read through it, you must know that it is non-null, aligned for the pointee, points at"
                + " a live and initialized value, and that nothing writes to that memory (through a `&mut` or"
                + " another pointer) while you read.\n\n"
                + "**`*const` or `*mut`?** `*const` is a statement of intent, not a protection: a cast turns it into"
                + " `*mut`. Use `*const T` when the code behind the pointer only reads, as you would use `&T`. It is"
                + " covariant in `T`, like `&T`. When the pointer can never be null, `NonNull<T>` says so in the type.";
    }

    private static String mutText(String type) {
        return "**`" + type + "`**: raw pointer that may be written through\n\n"
                + "A raw pointer has no lifetime and the compiler checks nothing about it: it may be null, dangling"
                + " or unaligned, and it does not prevent aliasing. Reading through it and writing through it"
                + " (`*p = v`, `p.write(v)`) are unsafe operations.\n\n"
                + "Before you write through it, you must know that it is non-null, aligned, points into a live"
                + " allocation big enough for the pointee, and that no other reference to that memory is used"
                + " while you write. `*p = v` first drops the old value, so the memory must already hold a valid"
                + " value; for uninitialized memory use `p.write(v)`.\n\n"
                + "**`*mut` or `*const`?** Use `*mut T` when the pointer is used to change the value or is handed to"
                + " an API (often FFI) that takes `*mut`. It is invariant in `T`, like `&mut T`. For read-only access"
                + " prefer `*const T`; for a pointer that is never null, `NonNull<T>`.";
    }

    private static String pointeeOf(String type) {
        return type.substring(type.indexOf(' ') + 1);
    }
}
