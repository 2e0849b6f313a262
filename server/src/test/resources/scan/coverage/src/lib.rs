// The coverage columns count what the blocks, impls, fns and traits columns count (outside test-only
// code): 2 of 4 blocks and impls have a SAFETY comment, 1 of 2 fns and 0 of 1 traits a # Safety section.
pub struct W(*mut u8);

// SAFETY: `W` owns its pointer.
unsafe impl Send for W {}

unsafe impl Sync for W {}

/// Reads.
///
/// # Safety
///
/// `p` is valid.
pub unsafe fn read(p: *const u8) -> u8 {
    // SAFETY: the caller's promise.
    unsafe { *p }
}

unsafe fn private(p: *const u8) -> u8 {
    unsafe { *p }
}

pub unsafe trait Marker {}

#[cfg(test)]
mod tests {
    #[test]
    fn t() {
        let x = 1u8;
        let _ = unsafe { super::private(&x) };
    }
}
