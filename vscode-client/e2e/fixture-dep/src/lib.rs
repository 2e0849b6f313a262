//! A dependency of the end-to-end test's crate, outside its workspace folder: the Dependencies view
//! lists it, and its unsafe code opens read-only.

/// Reads the byte `p` points to.
///
/// # Safety
/// `p` must be valid for a read of one byte.
pub unsafe fn peek(p: *const u8) -> u8 {
    // SAFETY: the caller promises `p` is valid for a read.
    unsafe { *p }
}
