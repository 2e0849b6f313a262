//! Under `nested`'s `#![warn(..)]`, the nearest level.

/// Reads a byte.
pub unsafe fn open(p: *const u8) -> u8 { //~ missing-safety-doc
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}
