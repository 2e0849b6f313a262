// Every `extern` block (foreign item declarations) is inventoried where the block starts.

use std::ffi::{c_char, c_int};

extern "C" { //~ extern-block
    fn strlen(s: *const c_char) -> usize;
    static errno: c_int;
}

#[link(name = "m")]
extern "C" { //~ extern-block
    fn cbrt(x: f64) -> f64;
}

extern { //~ extern-block
    fn puts(s: *const c_char) -> c_int;
}

unsafe extern "C" { //~ extern-block
    pub safe fn abs(x: c_int) -> c_int;
    pub unsafe fn atoi(s: *const c_char) -> c_int;
}

mod sys {
    extern "system" {} //~ extern-block
}

// ok: a function with a foreign ABI is not a foreign block; it is defined here.
pub extern "C" fn callback(x: c_int) -> c_int {
    x * 2
}

// ok: a foreign fn pointer type.
pub type Callback = extern "C" fn(c_int) -> c_int;

/// Length of a NUL-terminated string.
///
/// # Safety
///
/// `s` must point to a NUL-terminated string.
pub unsafe fn c_len(s: *const c_char) -> usize {
    // SAFETY: the caller guarantees that `s` is NUL-terminated.
    unsafe { strlen(s) }
}

pub fn magnitude(x: c_int) -> c_int {
    abs(x)
}
