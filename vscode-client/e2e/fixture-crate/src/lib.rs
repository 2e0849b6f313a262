//! Fixture for the VS Code end-to-end test: unsafe code with and without SAFETY comments.

/// Reads the first byte of a non-empty slice through a raw pointer.
pub fn first_byte(bytes: &[u8]) -> u8 {
    assert!(!bytes.is_empty());
    let p = bytes.as_ptr();
    unsafe { *p }
}

/// Swaps two integers through raw pointers.
pub fn swap_raw(a: &mut i32, b: &mut i32) {
    let pa = a as *mut i32;
    let pb = b as *mut i32;
    unsafe {
        let tmp = *pa;
        *pa = *pb;
        *pb = tmp;
    }
}

/// Reads an integer through a pointer made from a reference.
pub fn documented(x: &i32) -> i32 {
    let p = x as *const i32;
    // SAFETY: `p` comes from a live reference, so it is non-null, aligned and valid for reads.
    unsafe { *p }
}
