//! Silenced by `#[allow(..)] pub mod inner;`.

/// Reads a byte.
pub unsafe fn inner(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}
