//! Two levels down, still under the crate root's `allow`.

/// Reads a byte.
pub unsafe fn deeper(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}
