// Every `unsafe fn` is inventoried at its `unsafe` keyword: free fns, methods, trait items,
// declarations in extern blocks written with `unsafe`, and fns nested in other fns.

use std::ptr::NonNull;

/// Reads the value behind `p`.
///
/// # Safety
///
/// `p` must be non-null, aligned and point to an initialized `u32`.
pub unsafe fn read_u32(p: *const u32) -> u32 { //~ unsafe-fn
    // SAFETY: the caller guarantees that `p` is valid for reads.
    unsafe { *p }
}

pub(crate) unsafe fn crate_only() {} //~ unsafe-fn

#[inline]
unsafe fn private_helper() {} //~ unsafe-fn

pub const unsafe fn const_unsafe(x: u8) -> u8 { //~ unsafe-fn
    x
}

pub unsafe extern "C" fn exported_callback(x: i32) -> i32 { //~ unsafe-fn
    x + 1
}

pub struct Slot {
    ptr: NonNull<u8>,
}

impl Slot {
    /// # Safety
    ///
    /// The slot must still point to a live byte.
    pub unsafe fn get(&self) -> u8 { //~ unsafe-fn
        // SAFETY: the caller guarantees the byte is still alive.
        unsafe { *self.ptr.as_ptr() }
    }

    // ok: a safe method of the same type.
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }
}

/// # Safety
///
/// Implementors must return a pointer that is valid for `len()` bytes.
pub unsafe trait RawBuffer {
    fn len(&self) -> usize;
    /// # Safety
    ///
    /// `i` must be less than `len()`.
    unsafe fn byte_at(&self, i: usize) -> u8; //~ unsafe-fn
}

extern "C" {
    // ok: foreign fns are unsafe to call, but they are not written `unsafe fn`.
    fn abs(x: i32) -> i32;
}

unsafe extern "C" {
    pub unsafe fn strlen(s: *const std::ffi::c_char) -> usize; //~ unsafe-fn
    // ok: declared `safe`, callable without `unsafe`.
    pub safe fn labs(x: std::ffi::c_long) -> std::ffi::c_long;
}

pub fn outer() -> u8 {
    unsafe fn inner(p: *const u8) -> u8 { //~ unsafe-fn
        unsafe { *p }
    }
    let b = 3u8;
    // SAFETY: `b` is a live local.
    unsafe { inner(&b) }
}

// ok: safe fns, and a safe fn pointer type mentioning no unsafe.
pub fn safe_fn() -> fn() -> u8 {
    || 0
}

// ok: a pointer to an unsafe fn is a type, not a declaration.
pub fn takes_unsafe_fn_pointer(f: unsafe fn() -> u8) -> u8 {
    // SAFETY: callers of this demo pass fns without preconditions.
    unsafe { f() }
}
