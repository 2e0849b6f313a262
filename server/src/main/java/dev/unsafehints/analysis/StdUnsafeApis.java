package dev.unsafehints.analysis;

import java.util.List;
import java.util.Set;

/**
 * A curated catalogue of the standard library's unsafe functions and methods (std, core and alloc
 * paths are matched without their crate prefix), and the std APIs that return raw pointers.
 */
final class StdUnsafeApis {
    private StdUnsafeApis() {
    }

    /**
     * Methods of std traits that are unsafe in every implementation (the trait declares them
     * `unsafe fn`, and an impl cannot make them safe): `File::from_raw_fd(fd)` is unsafe whatever type
     * is named, unless the crate gives that type an inherent function of the same name.
     */
    static final Set<String> UNSAFE_TRAIT_FNS = Set.of("from_raw_fd", "from_raw_handle", "from_raw_socket");

    /** Paths (without std::/core::/alloc::) of unsafe free functions and associated functions. */
    static final Set<String> UNSAFE_PATHS = Set.of(
            "ptr::read", "ptr::read_unaligned", "ptr::read_volatile", "ptr::write", "ptr::write_unaligned",
            "ptr::write_volatile", "ptr::write_bytes", "ptr::copy", "ptr::copy_nonoverlapping", "ptr::swap",
            "ptr::swap_nonoverlapping", "ptr::replace", "ptr::drop_in_place",
            "mem::transmute", "mem::transmute_copy", "mem::zeroed", "mem::uninitialized",
            "intrinsics::transmute", "intrinsics::copy_nonoverlapping", "intrinsics::unreachable",
            "hint::unreachable_unchecked", "hint::assert_unchecked",
            "slice::from_raw_parts", "slice::from_raw_parts_mut",
            "str::from_utf8_unchecked", "str::from_utf8_unchecked_mut", "str::from_raw_parts",
            "String::from_raw_parts", "String::from_utf8_unchecked", "Vec::from_raw_parts",
            "Vec::from_raw_parts_in", "Box::from_raw", "Box::from_raw_in", "Box::from_non_null", "Rc::from_raw",
            "Arc::from_raw", "Rc::increment_strong_count", "Rc::decrement_strong_count",
            "Arc::increment_strong_count", "Arc::decrement_strong_count", "Weak::from_raw",
            "MaybeUninit::assume_init", "MaybeUninit::assume_init_read", "MaybeUninit::assume_init_ref",
            "MaybeUninit::assume_init_mut", "MaybeUninit::assume_init_drop", "MaybeUninit::array_assume_init",
            "NonNull::new_unchecked", "Pin::new_unchecked", "Pin::into_inner_unchecked", "Pin::get_unchecked_mut",
            "Pin::map_unchecked", "Pin::map_unchecked_mut", "ManuallyDrop::drop", "ManuallyDrop::take",
            "CStr::from_ptr", "CStr::from_bytes_with_nul_unchecked", "CString::from_raw",
            "CString::from_vec_unchecked", "CString::from_vec_with_nul_unchecked",
            "OsStr::from_encoded_bytes_unchecked", "OsString::from_encoded_bytes_unchecked",
            "alloc::alloc", "alloc::alloc_zeroed", "alloc::dealloc", "alloc::realloc",
            "Layout::from_size_align_unchecked", "char::from_u32_unchecked", "char::from_digit_unchecked",
            "NonZeroUsize::new_unchecked", "NonZeroU8::new_unchecked", "NonZeroU16::new_unchecked",
            "NonZeroU32::new_unchecked", "NonZeroU64::new_unchecked", "NonZero::new_unchecked",
            "NonZeroIsize::new_unchecked", "NonZeroI32::new_unchecked", "NonZeroI64::new_unchecked",
            "UnsafeCell::raw_get", "Cell::from_mut", "AtomicPtr::from_ptr", "AtomicUsize::from_ptr",
            "AtomicBool::from_ptr", "AtomicU32::from_ptr", "AtomicU64::from_ptr",
            "str::as_bytes_mut", "String::as_mut_vec", "Vec::set_len", "String::from_utf16_unchecked",
            "ptr::NonNull::new_unchecked", "thread::Builder::spawn_unchecked",
            "mem::MaybeUninit::assume_init", "env::set_var@2024", "env::remove_var@2024");

    /** Method names that exist in std only as unsafe methods, whatever the receiver. */
    static final Set<String> ALWAYS_UNSAFE_METHODS = Set.of(
            "get_unchecked", "get_unchecked_mut", "assume_init", "assume_init_read", "assume_init_ref",
            "assume_init_mut", "assume_init_drop", "set_len", "unwrap_unchecked", "offset_from",
            "byte_offset_from", "offset_from_unsigned", "as_mut_vec", "as_bytes_mut", "unchecked_add",
            "unchecked_sub", "unchecked_mul", "unchecked_shl", "unchecked_shr", "unchecked_neg",
            "map_unchecked", "map_unchecked_mut", "into_inner_unchecked",
            "read_unaligned", "write_unaligned", "read_volatile", "write_volatile", "copy_to_nonoverlapping",
            "copy_from_nonoverlapping", "drop_in_place", "as_uninit_slice", "as_uninit_slice_mut",
            "as_uninit_ref", "as_uninit_mut", "spawn_unchecked", "to_int_unchecked", "downcast_unchecked",
            "downcast_ref_unchecked", "downcast_mut_unchecked", "split_at_unchecked", "split_at_mut_unchecked",
            "as_chunks_unchecked", "as_chunks_unchecked_mut", "swap_unchecked", "unchecked_div_exact");

    /** Pointer methods that are unsafe; on other receivers the same names are often safe. */
    static final Set<String> UNSAFE_POINTER_METHODS = Set.of(
            "read", "write", "add", "sub", "offset", "byte_add", "byte_sub", "byte_offset", "as_ref", "as_mut",
            "swap", "replace", "copy_to", "copy_from", "write_bytes", "read_unaligned", "write_unaligned",
            "read_volatile", "write_volatile", "drop_in_place", "offset_from", "as_uninit_ref");

    /** Methods that return raw pointers whatever the receiver (slices, Vec, String, NonNull, cells...). */
    static final Set<String> POINTER_RETURNING_METHODS = Set.of(
            "as_ptr", "as_mut_ptr", "into_raw", "as_ptr_range", "get_mut_ptr");

    /** Methods that return a raw pointer when their receiver is one. */
    static final Set<String> POINTER_PRESERVING_METHODS = Set.of(
            "add", "sub", "offset", "wrapping_add", "wrapping_sub", "wrapping_offset", "byte_add", "byte_sub",
            "byte_offset", "wrapping_byte_add", "wrapping_byte_sub", "cast", "cast_mut", "cast_const",
            "with_addr", "map_addr", "with_metadata_of", "as_ptr", "as_mut_ptr", "mask");

    /** Functions (paths without crate prefix) that return raw pointers. */
    static final Set<String> POINTER_RETURNING_PATHS = Set.of(
            "ptr::null", "ptr::null_mut", "ptr::dangling", "ptr::dangling_mut", "ptr::from_ref", "ptr::from_mut",
            "ptr::without_provenance", "ptr::without_provenance_mut", "ptr::with_exposed_provenance",
            "ptr::with_exposed_provenance_mut", "ptr::slice_from_raw_parts", "ptr::slice_from_raw_parts_mut",
            "Box::into_raw", "Rc::into_raw", "Arc::into_raw", "Rc::as_ptr", "Arc::as_ptr", "CString::into_raw",
            "NonNull::as_ptr", "Vec::as_mut_ptr", "Vec::as_ptr", "alloc::alloc", "alloc::alloc_zeroed",
            "alloc::realloc", "UnsafeCell::raw_get", "Weak::as_ptr", "Weak::into_raw");

    /** Strips a leading std/core/alloc segment: {@code core::ptr::read} becomes {@code ptr::read}. */
    static String withoutStdCrate(List<String> path) {
        int from = !path.isEmpty() && path.size() > 1 && isStdCrate(path.get(0)) ? 1 : 0;
        return String.join("::", path.subList(from, path.size()));
    }

    static boolean isStdCrate(String segment) {
        return segment.equals("std") || segment.equals("core") || segment.equals("alloc");
    }

    /** True for core::arch intrinsics that take or return pointers (always unsafe to call). */
    static boolean isPointerArchIntrinsic(String name) {
        return name.startsWith("_") && (name.contains("load") || name.contains("store") || name.contains("stream")
                || name.contains("gather") || name.contains("scatter") || name.contains("prefetch")
                || name.contains("lddqu") || name.contains("maskmove"));
    }
}
