//! Placed by a `path` attribute; inherits the crate root's `allow` like any module.

/// Reads a byte.
pub unsafe fn unix(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}
