package dev.unsafehints.analysis;

import dev.unsafehints.analysis.types.Ty;
import java.util.List;

/**
 * The result types of the standard library's most used methods, known without its sources (the
 * index reads them from the sources when they are at hand; these stay right either way).
 */
final class StdMethodTypes {
    private StdMethodTypes() {
    }

    /** The type `receiver.name()` returns, when {@code receiver} (references peeled) is such a std type; else null. */
    static Ty result(Ty receiver, String name) {
        if (receiver instanceof Ty.Ptr p) {
            return switch (name) {
                case "add", "sub", "offset", "wrapping_add", "wrapping_sub", "wrapping_offset", "byte_add",
                     "byte_sub", "byte_offset", "with_addr", "map_addr" -> p;
                case "cast" -> new Ty.Ptr(p.mutable(), Ty.UNKNOWN);
                case "cast_mut" -> new Ty.Ptr(true, p.pointee());
                case "cast_const" -> new Ty.Ptr(false, p.pointee());
                case "read", "read_unaligned", "read_volatile", "replace" -> p.pointee();
                case "as_ref" -> option(new Ty.Ref(false, p.pointee()));
                case "as_mut" -> option(new Ty.Ref(true, p.pointee()));
                case "is_null" -> named("bool");
                default -> null;
            };
        }
        if (!(receiver instanceof Ty.Named n)) {
            return null;
        }
        Ty atomic = atomicValue(n);
        if (atomic != null) {
            return switch (name) {
                case "load", "swap", "into_inner", "fetch_add", "fetch_sub", "fetch_and", "fetch_or", "fetch_xor",
                     "fetch_nand", "fetch_max", "fetch_min", "fetch_byte_add", "fetch_byte_sub", "fetch_ptr_add",
                     "fetch_ptr_sub", "fetch_not" -> atomic;
                case "compare_exchange", "compare_exchange_weak", "fetch_update" ->
                        new Ty.Named(List.of("Result"), List.of(atomic, atomic));
                case "compare_and_swap" -> atomic;
                case "get_mut" -> new Ty.Ref(true, atomic);
                case "as_ptr" -> new Ty.Ptr(true, atomic);
                default -> null;
            };
        }
        Ty arg = n.arg(0);
        return switch (n.name() + "::" + name) {
            case "UnsafeCell::get", "Cell::as_ptr", "RefCell::as_ptr", "NonNull::as_ptr", "UnsafeCell::raw_get", "MaybeUninit::as_mut_ptr" ->
                    new Ty.Ptr(true, arg);
            case "MaybeUninit::as_ptr" -> new Ty.Ptr(false, arg);
            case "Cell::get", "Cell::replace", "Cell::take", "Cell::into_inner", "UnsafeCell::into_inner",
                 "ManuallyDrop::into_inner", "MaybeUninit::assume_init", "Option::unwrap", "Option::expect", "Option::unwrap_unchecked", "Result::unwrap",
                 "Result::expect", "Result::unwrap_unchecked", "Option::unwrap_or", "Option::unwrap_or_else",
                 "Result::unwrap_or", "Result::unwrap_or_else" -> arg;
            case "NonNull::as_ref" -> new Ty.Ref(false, arg);
            case "NonNull::as_mut" -> new Ty.Ref(true, arg);
            case "Vec::as_ptr", "Box::as_ptr" -> new Ty.Ptr(false, elementOf(arg, n));
            case "Vec::as_mut_ptr", "Box::as_mut_ptr" -> new Ty.Ptr(true, elementOf(arg, n));
            default -> null;
        };
    }

    /**
     * The value an atomic holds (`AtomicUsize` holds a `usize`, `AtomicPtr<T>` a `*mut T`): core
     * declares the integer atomics through a macro, so its sources do not give their methods.
     */
    private static Ty atomicValue(Ty.Named n) {
        String name = n.name();
        if (!name.startsWith("Atomic")) {
            return null;
        }
        if (name.equals("AtomicPtr")) {
            return new Ty.Ptr(true, n.arg(0));
        }
        String value = name.substring("Atomic".length()).toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "bool", "usize", "isize", "u8", "u16", "u32", "u64", "u128", "i8", "i16", "i32", "i64", "i128" -> named(value);
            default -> null;
        };
    }

    private static Ty elementOf(Ty arg, Ty.Named owner) {
        return owner.name().equals("Vec") ? arg : arg instanceof Ty.Slice s ? s.element() : Ty.UNKNOWN;
    }

    private static Ty option(Ty t) {
        return new Ty.Named(List.of("Option"), List.of(t));
    }

    private static Ty named(String name) {
        return new Ty.Named(List.of(name), List.of());
    }
}
