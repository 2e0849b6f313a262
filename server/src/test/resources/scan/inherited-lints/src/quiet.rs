//! Inherits the crate root's `allow`.

pub mod deeper;

/// Reads a byte.
pub unsafe fn quiet(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}
