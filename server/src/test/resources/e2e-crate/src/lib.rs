//! Fixture for the editor end-to-end tests: unsafe blocks, raw pointer
//! dereferences and an unsafe fn without a `# Safety` section.

/// Reads the byte behind `p`.
pub unsafe fn read_byte(p: *const u8) -> u8 {
    *p
}

/// The first byte of a non-empty slice.
pub fn first(bytes: &[u8]) -> u8 {
    let p = bytes.as_ptr();
    unsafe { *p }
}

/// The byte `p` points to, read through `read_byte`.
pub fn via_call(p: *const u8) -> u8 {
    // SAFETY: callers of `via_call` pass a pointer to a live byte.
    unsafe { read_byte(p) }
}
