//! A small crate with unsafe code, used by the scanner's tests.
#![cfg_attr(not(test), deny(unsafe_code))]

pub mod ffi;
pub mod raw;
mod broken;

#[cfg(test)]
mod tests;

/// Reads the first byte.
pub fn first(bytes: &[u8]) -> u8 {
    let p = bytes.as_ptr();
    // SAFETY: callers pass a non-empty slice, so p points to a readable byte.
    unsafe { *p }
}

pub static mut COUNTER: u32 = 0;

#[cfg(feature = "fast")]
pub fn bump() {
    unsafe {
        COUNTER += 1;
    }
}
