//! A small crate with the kinds of unsafe code Unsafe Hints explains: some of it documented and
//! minimal, some of it not. Run `./unsafe-hints scan examples/demo-crate` from the repository root.

use std::ptr;

mod buffer;
pub use buffer::RawBuffer;

static mut COUNTER: u32 = 0;

/// Returns the first byte behind `p`.
///
/// # Safety
///
/// `p` must be non-null, aligned and point to an initialized byte.
pub unsafe fn first_byte(p: *const u8) -> u8 {
    // SAFETY: the caller guarantees that `p` is valid for reads (see `# Safety`).
    unsafe { *p }
}

/// Reads a value without moving it out: no `# Safety` section, and several operations in one block.
pub unsafe fn read_twice<T: Copy>(p: *const T) -> (T, T) {
    let a = ptr::read(p);
    unsafe { (ptr::read(p), *p) }.0;
    (a, a)
}

pub fn bump() -> u32 {
    unsafe {
        COUNTER += 1;
        COUNTER
    }
}

/// Safe wrapper: the slice guarantees the pointer is valid for `len` elements.
pub fn sum(values: &[u32]) -> u32 {
    let mut total = 0;
    for i in 0..values.len() {
        // SAFETY: `i < values.len()`, so the index is in bounds.
        total += unsafe { *values.get_unchecked(i) };
    }
    total
}

pub fn peek(p: *const u32) -> u32 {
    unsafe { *p }
}

pub fn as_mut_pointer(x: &u32) -> *mut u32 {
    x as *const u32 as *mut u32
}

#[repr(C)]
pub union IntOrFloat {
    pub i: u32,
    pub f: f32,
}

pub fn bits(value: IntOrFloat) -> u32 {
    let v: IntOrFloat = value;
    unsafe { v.i }
}
