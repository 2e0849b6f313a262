//! The file's own inner attribute re-enables the lint; a `mod` declaration silences it again.
#![warn(clippy::missing_safety_doc)]

#[allow(clippy::missing_safety_doc)]
pub mod inner;

pub mod open;

/// Reads a byte.
pub unsafe fn nested(p: *const u8) -> u8 { //~ missing-safety-doc
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}
