package dev.unsafehints.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the common unsafe functions of the standard library require of their caller, in short
 * sentences of our own, each tagged with the {@link Concern} it is about. The analysis knows these
 * functions are unsafe but has no {@code # Safety} text for them (std is not in the workspace), so
 * the review checklist takes the conditions from here. The std documentation is the authority.
 */
public final class StdContracts {
    /** One condition of a contract. */
    public record Condition(Concern concern, String text) {
    }

    private static final Map<String, List<Condition>> BY_NAME = new HashMap<>();

    private static void put(List<Condition> conditions, String... names) {
        for (String n : names) {
            BY_NAME.put(n, conditions);
        }
    }

    private static Condition c(Concern concern, String text) {
        return new Condition(concern, text);
    }

    static {
        Condition bitwiseCopy = c(Concern.OWNERSHIP, "the value is copied bit for bit: unless `T: Copy`, only one"
                + " of the two copies may be used or dropped afterwards");
        put(List.of(c(Concern.VALID_ACCESS, "the source is valid for reading one `T`"),
                c(Concern.ALIGNED, "the source is aligned for `T` (use `read_unaligned` otherwise)"),
                c(Concern.INITIALIZED, "the source holds an initialized, valid `T`"), bitwiseCopy),
                "ptr::read", "read", "ptr::read_volatile", "read_volatile");
        put(List.of(c(Concern.VALID_ACCESS, "the source is valid for reading one `T` (alignment not needed)"),
                c(Concern.INITIALIZED, "the source holds an initialized, valid `T`"), bitwiseCopy),
                "ptr::read_unaligned", "read_unaligned");
        put(List.of(c(Concern.VALID_ACCESS, "the destination is valid for writing one `T`"),
                c(Concern.ALIGNED, "the destination is aligned for `T` (use `write_unaligned` otherwise)"),
                c(Concern.OWNERSHIP, "the old value at the destination is not dropped: it leaks unless it was moved"
                        + " out or needs no drop")),
                "ptr::write", "write", "ptr::write_volatile", "write_volatile");
        put(List.of(c(Concern.VALID_ACCESS, "the destination is valid for writing one `T` (alignment not needed)"),
                c(Concern.OWNERSHIP, "the old value at the destination is not dropped")),
                "ptr::write_unaligned", "write_unaligned");
        put(List.of(c(Concern.VALID_ACCESS, "the source is valid for reading and the destination for writing"
                        + " `count * size_of::<T>()` bytes"),
                c(Concern.ALIGNED, "both pointers are aligned for `T`, even when `count` is 0"),
                c(Concern.NO_OVERLAP, "the two regions do not overlap (use `ptr::copy` when they may)"),
                bitwiseCopy),
                "ptr::copy_nonoverlapping", "copy_nonoverlapping", "intrinsics::copy_nonoverlapping",
                "copy_to_nonoverlapping", "copy_from_nonoverlapping");
        put(List.of(c(Concern.VALID_ACCESS, "the source is valid for reading and the destination for writing"
                        + " `count * size_of::<T>()` bytes"),
                c(Concern.ALIGNED, "both pointers are aligned for `T`, even when `count` is 0"), bitwiseCopy),
                "ptr::copy", "copy", "copy_to", "copy_from");
        put(List.of(c(Concern.VALID_ACCESS, "both pointers are valid for reading and writing one `T`"),
                c(Concern.ALIGNED, "both pointers are aligned")),
                "ptr::swap", "swap", "ptr::swap_nonoverlapping");
        put(List.of(c(Concern.VALID_ACCESS, "the destination is valid for reading and writing one `T`"),
                c(Concern.ALIGNED, "the destination is aligned"),
                c(Concern.INITIALIZED, "the destination holds an initialized `T` (it is returned)")),
                "ptr::replace", "replace");
        put(List.of(c(Concern.VALID_ACCESS, "the pointer is valid for reading and writing the value"),
                c(Concern.ALIGNED, "the pointer is aligned"),
                c(Concern.INITIALIZED, "the value is initialized and valid to drop"),
                c(Concern.OWNERSHIP, "nothing uses or drops the value afterwards")),
                "ptr::drop_in_place", "drop_in_place");
        put(List.of(c(Concern.VALID_ACCESS, "the destination is valid for writing `count * size_of::<T>()` bytes"),
                c(Concern.ALIGNED, "the destination is aligned"),
                c(Concern.VALID_VALUE, "the written bytes form valid values of `T` before they are read as `T`")),
                "ptr::write_bytes", "write_bytes");
        List<Condition> slice = List.of(
                c(Concern.NON_NULL, "the data pointer is non-null and aligned, even for an empty slice"),
                c(Concern.VALID_ACCESS, "`len * size_of::<T>()` bytes from the pointer lie in one live allocation,"
                        + " and that size is at most `isize::MAX`"),
                c(Concern.INITIALIZED, "all `len` elements are initialized, valid values of `T`"),
                c(Concern.NO_ALIASING, "while the slice lives, the memory is not mutated through any other pointer"
                        + " (for `_mut`: not accessed at all)"),
                c(Concern.LIFETIME, "the slice's lifetime (chosen by the caller) does not outlive the data"));
        put(slice, "slice::from_raw_parts", "from_raw_parts", "slice::from_raw_parts_mut", "from_raw_parts_mut",
                "str::from_raw_parts");
        put(List.of(c(Concern.ALLOCATOR, "the buffer was allocated by the global allocator with exactly this"
                        + " capacity and `T`'s alignment"),
                c(Concern.IN_BOUNDS, "`length <= capacity`"),
                c(Concern.INITIALIZED, "the first `length` elements are initialized"),
                c(Concern.OWNERSHIP, "the new value owns the buffer: nothing else may free or use it")),
                "Vec::from_raw_parts", "Vec::from_raw_parts_in", "String::from_raw_parts");
        put(List.of(c(Concern.IN_BOUNDS, "`new_len <= capacity()`"),
                c(Concern.INITIALIZED, "the elements between the old and the new length are initialized"),
                c(Concern.OWNERSHIP, "when shrinking, the elements cut off are dropped or moved out elsewhere,"
                        + " or deliberately leaked")),
                "Vec::set_len", "set_len");
        put(List.of(c(Concern.IN_BOUNDS, "the index (or range) is in bounds; out of bounds is undefined behaviour"
                        + " even if the result is never used")),
                "get_unchecked", "get_unchecked_mut", "swap_unchecked", "split_at_unchecked", "split_at_mut_unchecked");
        put(List.of(c(Concern.VALID_VALUE, "every bit pattern the source can hold is a valid value of the target"
                        + " type (references must be aligned and non-null, `bool` is 0 or 1, enums hold a variant)"),
                c(Concern.LIFETIME, "a transmuted reference or lifetime does not outlive the data"),
                c(Concern.ALIGNED, "pointers and references produced point to suitably aligned data")),
                "mem::transmute", "transmute", "intrinsics::transmute", "mem::transmute_copy", "transmute_copy");
        put(List.of(c(Concern.INITIALIZED, "the value has been fully initialized; calling this on uninitialized"
                        + " memory is immediate undefined behaviour")),
                "MaybeUninit::assume_init", "assume_init", "assume_init_read", "assume_init_ref", "assume_init_mut",
                "assume_init_drop", "MaybeUninit::array_assume_init", "mem::MaybeUninit::assume_init");
        put(List.of(c(Concern.UTF8, "the bytes are valid UTF-8")),
                "str::from_utf8_unchecked", "from_utf8_unchecked", "str::from_utf8_unchecked_mut",
                "from_utf8_unchecked_mut", "String::from_utf8_unchecked", "String::from_utf16_unchecked");
        put(List.of(c(Concern.UTF8, "the bytes are still valid UTF-8 when the borrow ends")),
                "as_bytes_mut", "str::as_bytes_mut", "as_mut_vec", "String::as_mut_vec");
        List<Condition> fromRaw = List.of(
                c(Concern.OWNERSHIP, "the pointer came from `into_raw` of the same type (same allocator and"
                        + " layout) and is turned back into an owner only once"),
                c(Concern.LIFETIME, "no other copy of the pointer is used after the owner drops the value"));
        put(fromRaw, "Box::from_raw", "Box::from_raw_in", "Box::from_non_null", "Rc::from_raw", "Arc::from_raw",
                "Weak::from_raw", "CString::from_raw", "from_raw");
        put(List.of(c(Concern.OWNERSHIP, "the pointer came from `into_raw` and the count it changes is one the"
                        + " caller owns")),
                "Rc::increment_strong_count", "Rc::decrement_strong_count", "Arc::increment_strong_count",
                "Arc::decrement_strong_count");
        put(List.of(c(Concern.IN_BOUNDS, "the result stays inside the same allocation (or one byte past its end)"),
                c(Concern.IN_BOUNDS, "the offset in bytes does not overflow `isize`")),
                "offset", "add", "sub", "byte_add", "byte_sub", "byte_offset");
        put(List.of(c(Concern.IN_BOUNDS, "both pointers point into the same allocation"),
                c(Concern.IN_BOUNDS, "the distance is a multiple of `size_of::<T>()`")),
                "offset_from", "byte_offset_from", "offset_from_unsigned");
        put(List.of(c(Concern.ALIGNED, "the pointer is aligned (a null pointer gives `None`)"),
                c(Concern.INITIALIZED, "it points to an initialized, valid `T`"),
                c(Concern.VALID_ACCESS, "the whole `T` lies in one live allocation"),
                c(Concern.NO_ALIASING, "while the reference lives, nobody mutates the value (for `as_mut`: nobody"
                        + " else accesses it)"),
                c(Concern.LIFETIME, "the reference's lifetime (chosen by the caller) does not outlive the value")),
                "as_ref", "as_mut", "as_uninit_ref", "as_uninit_mut");
        put(List.of(c(Concern.VALID_VALUE, "all-zero bytes are a valid value of the type (never for references,"
                        + " `NonNull`, `Box`, fn pointers or most enums)")),
                "mem::zeroed", "zeroed");
        put(List.of(c(Concern.VALID_VALUE, "`mem::uninitialized` is undefined behaviour for nearly every type:"
                        + " use `MaybeUninit`")),
                "mem::uninitialized", "uninitialized");
        put(List.of(c(Concern.PRECONDITION, "the value is `Some`/`Ok` on every path that reaches this call")),
                "unwrap_unchecked");
        put(List.of(c(Concern.PRECONDITION, "this point can never be reached")),
                "hint::unreachable_unchecked", "unreachable_unchecked", "intrinsics::unreachable");
        put(List.of(c(Concern.PRECONDITION, "the asserted condition holds on every path")),
                "hint::assert_unchecked", "assert_unchecked");
        put(List.of(c(Concern.NON_NULL, "the pointer is not null")),
                "NonNull::new_unchecked", "ptr::NonNull::new_unchecked", "new_unchecked");
        put(List.of(c(Concern.VALID_ACCESS, "the pointer points to a nul-terminated string in one live allocation"),
                c(Concern.LIFETIME, "the returned `&CStr` does not outlive the memory, which nobody mutates meanwhile")),
                "CStr::from_ptr");
        put(List.of(c(Concern.VALID_VALUE, "the bytes end with a nul and hold no other nul")),
                "CStr::from_bytes_with_nul_unchecked", "CString::from_vec_unchecked",
                "CString::from_vec_with_nul_unchecked");
        put(List.of(c(Concern.VALID_VALUE, "the layout has a non-zero size"),
                c(Concern.NON_NULL, "a null result (allocation failure) is handled")),
                "alloc::alloc", "alloc::alloc_zeroed", "alloc", "alloc_zeroed");
        put(List.of(c(Concern.ALLOCATOR, "the pointer was allocated by this allocator with this same layout"),
                c(Concern.LIFETIME, "nothing uses the pointer afterwards")),
                "alloc::dealloc", "dealloc");
        put(List.of(c(Concern.ALLOCATOR, "the pointer was allocated by this allocator with this same layout"),
                c(Concern.VALID_VALUE, "the new size is non-zero and does not overflow `isize` when rounded to the"
                        + " alignment"),
                c(Concern.LIFETIME, "the old pointer is not used after a successful call")),
                "alloc::realloc", "realloc");
        put(List.of(c(Concern.VALID_VALUE, "`align` is a power of two and `size` rounded up to it fits in `isize`")),
                "Layout::from_size_align_unchecked");
        put(List.of(c(Concern.VALID_VALUE, "the value is a Unicode scalar value (not a surrogate, at most 0x10FFFF)")),
                "char::from_u32_unchecked", "from_u32_unchecked");
        put(List.of(c(Concern.PRECONDITION, "the pointee is never moved again until it is dropped")),
                "Pin::new_unchecked", "Pin::get_unchecked_mut", "Pin::map_unchecked", "Pin::map_unchecked_mut",
                "Pin::into_inner_unchecked", "map_unchecked", "map_unchecked_mut",
                "into_inner_unchecked");
        put(List.of(c(Concern.OWNERSHIP, "the value is not used or dropped again afterwards")),
                "ManuallyDrop::drop", "ManuallyDrop::take");
        put(List.of(c(Concern.THREADS, "no other thread reads or writes the environment at the same time (this"
                        + " includes C code calling `getenv`)")),
                "env::set_var", "set_var", "env::remove_var", "remove_var");
        put(List.of(c(Concern.IN_BOUNDS, "the arithmetic does not overflow")),
                "unchecked_add", "unchecked_sub", "unchecked_mul", "unchecked_shl", "unchecked_shr", "unchecked_neg",
                "to_int_unchecked");
        put(List.of(c(Concern.VALID_VALUE, "the value is not zero")),
                "NonZeroUsize::new_unchecked", "NonZeroU8::new_unchecked", "NonZeroU16::new_unchecked",
                "NonZeroU32::new_unchecked", "NonZeroU64::new_unchecked", "NonZero::new_unchecked",
                "NonZeroIsize::new_unchecked", "NonZeroI32::new_unchecked", "NonZeroI64::new_unchecked");
    }

    private StdContracts() {
    }

    /**
     * The conditions for a callee as written at the call ({@code core::ptr::read}, {@code set_len},
     * {@code Vec::from_raw_parts}); empty when it is not in the catalogue.
     */
    public static List<Condition> forCallee(String written) {
        String path = written.replace(" ", "");
        int generic = path.indexOf("::<");
        if (generic >= 0) {
            path = path.substring(0, generic);
        }
        String[] parts = path.split("::");
        int from = parts.length > 1 && (parts[0].equals("std") || parts[0].equals("core") || parts[0].equals("alloc"))
                ? 1 : 0;
        for (int i = from; i < parts.length; i++) {
            String key = String.join("::", java.util.Arrays.copyOfRange(parts, i, parts.length));
            List<Condition> found = BY_NAME.get(key);
            if (found != null) {
                return found;
            }
        }
        return List.of();
    }
}
