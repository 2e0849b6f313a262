//! `#[warn(..)] pub mod loud;` re-enables the lint for this whole file.

/// Reads a byte.
pub unsafe fn loud(p: *const u8) -> u8 { //~ missing-safety-doc
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}

/// An item-level allow inside the re-enabled module still silences.
#[allow(clippy::missing_safety_doc)]
pub unsafe fn loud_but_allowed(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}
