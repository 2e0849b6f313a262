//! A `-sys` style crate: C functions re-exported from a module, and one safe wrapper.
mod raw;
pub use raw::*;

/// A safe function: calling it needs no `unsafe`.
pub fn checked_len(n: usize) -> i32 {
    n as i32
}

static LAST_ERROR: i32 = 0;

/// The address of the library's last error code (a safe fn returning a raw pointer).
pub fn last_error() -> *const i32 {
    &LAST_ERROR
}
