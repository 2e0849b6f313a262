//! The library of a package whose binary and tests call into it by its crate name.

/// Reads the byte at `p`.
///
/// # Safety
/// `p` must be valid for a read of one byte.
pub unsafe fn raw_read(p: *const u8) -> u8 {
    // SAFETY: the caller promises `p` is valid for a read.
    unsafe { *p }
}

/// Safe, and named like the binary's own unsafe fn.
pub fn helper() {}

pub mod util {
    /// Does nothing, unsafely.
    ///
    /// # Safety
    /// None: the contract of a real API would be here.
    pub unsafe fn go() {}
}

/// The same bits read as a float or an integer.
pub union Bits {
    pub f: f32,
    pub u: u32,
}
