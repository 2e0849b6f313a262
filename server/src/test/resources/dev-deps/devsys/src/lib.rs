//! A test helper with an unsafe API, used by `app` only as a dev-dependency.

/// Writes 7 through `p`.
///
/// # Safety
/// `p` must be valid for one write of a byte.
pub unsafe fn poke(p: *mut u8) {
    // SAFETY: the caller promises `p` is valid for a write.
    unsafe { *p = 7 }
}

/// Safe: the same for a reference.
pub fn poke_ref(r: &mut u8) {
    *r = 7;
}
