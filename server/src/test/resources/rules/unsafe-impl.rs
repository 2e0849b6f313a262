// Every `unsafe impl` is inventoried at its `unsafe` keyword.

use std::cell::UnsafeCell;
use std::marker::PhantomData;

pub struct SpinCell<T> {
    value: UnsafeCell<T>,
}

// SAFETY: every access to `value` goes through a lock that the holder owns exclusively.
unsafe impl<T: Send> Sync for SpinCell<T> {} //~ unsafe-impl

// SAFETY: moving the cell moves its `T`, which is `Send`.
unsafe impl<T: Send> Send for SpinCell<T> {} //~ unsafe-impl

/// # Safety
///
/// `zeroed()` must return a value whose bytes are all valid for the type.
pub unsafe trait Zeroable {
    fn zeroed() -> Self;
}

// SAFETY: all-zero bytes are a valid `u64`.
unsafe impl Zeroable for u64 { //~ unsafe-impl
    fn zeroed() -> Self {
        0
    }
}

pub struct Handle<'a> {
    raw: *mut u8,
    _life: PhantomData<&'a mut u8>,
}

#[allow(dead_code)]
unsafe impl<'a> Send for Handle<'a> {} //~ unsafe-impl

// ok: a safe impl of a safe trait.
impl Default for Handle<'_> {
    fn default() -> Self {
        Handle { raw: std::ptr::null_mut(), _life: PhantomData }
    }
}

// ok: a safe inherent impl holding an unsafe fn is not an unsafe impl.
impl Handle<'_> {
    /// # Safety
    ///
    /// `raw` must point to a live byte.
    pub unsafe fn read(&self) -> u8 {
        // SAFETY: the caller guarantees that `raw` is live.
        unsafe { *self.raw }
    }
}

mod nested {
    pub struct Token;
    unsafe impl Sync for Token {} //~ unsafe-impl
}
