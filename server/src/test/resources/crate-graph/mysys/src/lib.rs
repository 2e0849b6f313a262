//! A `-sys` style crate: C functions re-exported from a module, and one safe wrapper.
mod raw;
pub use raw::*;

/// A safe function: calling it needs no `unsafe`.
pub fn checked_len(n: usize) -> i32 {
    n as i32
}
