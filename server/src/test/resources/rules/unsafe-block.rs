// Every `unsafe { }` block is inventoried at its `unsafe` keyword, whatever it holds.

use std::ptr;

pub fn first_byte(bytes: &[u8]) -> Option<u8> {
    if bytes.is_empty() {
        return None;
    }
    // SAFETY: the slice is not empty, so index 0 is in bounds.
    Some(unsafe { *bytes.get_unchecked(0) }) //~ unsafe-block
}

pub fn swap_halves(pair: &mut [u32; 2]) {
    let p = pair.as_mut_ptr();
    // SAFETY: both pointers come from the same live array and are in bounds.
    unsafe { //~ unsafe-block
        ptr::swap(p, p.add(1));
    }
}

pub fn nested(p: *const u8) -> u8 {
    unsafe { //~ unsafe-block
        let v = *p;
        unsafe { v } //~ unsafe-block
    }
}

pub fn in_closure(values: &[i32]) -> Vec<i32> {
    values
        .iter()
        .map(|v| unsafe { ptr::read(v) }) //~ unsafe-block
        .collect()
}

pub const fn const_context() -> u8 {
    let x = 7u8;
    unsafe { *(&x as *const u8) } //~ unsafe-block
}

pub fn two_on_one_line(a: *const u8, b: *const u8) -> (u8, u8) {
    (unsafe { *a }, unsafe { *b }) //~ unsafe-block //~ unsafe-block
}

// ok: an unsafe fn is not a block; only the block inside it counts.
pub unsafe fn read_it(p: *const u8) -> u8 {
    unsafe { *p } //~ unsafe-block
}

// ok: the words unsafe { } in a comment or a string are not code.
pub fn mention() -> &'static str {
    "unsafe { nothing }"
}

// The branches of `cfg_if!` and `cfg_select!` are the user's own code: each one is analysed, among
// items or inside a function body.
cfg_if::cfg_if! {
    if #[cfg(unix)] {
        pub fn first_unix(p: *const u8) -> u8 {
            // SAFETY: callers pass a pointer to a live byte.
            unsafe { *p } //~ unsafe-block
        }
    } else if #[cfg(windows)] {
        pub use self::first_unix as first_windows;
    } else {
        pub fn first_other(p: *const u8) -> u8 {
            // SAFETY: callers pass a pointer to a live byte.
            unsafe { *p } //~ unsafe-block
        }
    }
}

pub fn selected(p: *const u8) -> u8 {
    cfg_select! {
        unix => {
            // SAFETY: callers pass a pointer to a live byte.
            unsafe { *p } //~ unsafe-block
        }
        _ => { 0 }
    }
}

// A block passed to a crate macro is a block of the user's code, where it is written; a block
// the macro's text writes is counted once, in that text, not at every call.
macro_rules! t {
    ($e:expr) => {
        $e
    };
}

macro_rules! deref {
    ($p:expr) => {
        unsafe { *$p }
    };
}

pub fn through_macros(p: *const u8) -> u8 {
    t!(unsafe {}); //~ unsafe-block
    deref!(p)
}
