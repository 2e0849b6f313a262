//! Macros 2.0 (`macro`, the unstable `decl_macro` feature that the standard library's sources
//! use): both forms are expanded, and a `macro` is an item, seen from its whole module, before its
//! definition too.
#![feature(decl_macro)]

pub mod user;

extern "C" {
    fn c_close(fd: i32) -> i32;
}

pub fn read_before_the_definition(p: *const i32) -> i32 {
    read_int!(p) //~ raw-pointer-deref
}

/// One rule: the matcher in parentheses, the transcriber in braces.
pub(crate) macro read_int($p:expr) {
    // SAFETY: the caller passes a readable pointer.
    unsafe { *$p }
}

/// Rules as `macro_rules!` writes them, separated by commas.
pub(crate) macro close_either {
    (fd $fd:expr) => {
        // SAFETY: closing a descriptor twice is an error, not undefined behaviour.
        unsafe { c_close($fd) }
    },
    (ptr $p:expr) => {
        // SAFETY: the caller passes a readable pointer to an open descriptor.
        unsafe { c_close(*$p) }
    }
}

pub fn close_fd(fd: i32) -> i32 {
    close_either!(fd fd) //~ unsafe-call
}

pub fn close_ptr(p: *const i32) -> i32 {
    close_either!(ptr p) //~ unsafe-call //~ raw-pointer-deref
}

/// Writes an unsafe getter; other files call what it writes.
macro unsafe_getter($name:ident) {
    /// # Safety
    /// `p` must be readable.
    pub unsafe fn $name(p: *const i32) -> i32 {
        p as i32
    }
}

unsafe_getter!(get_int);

pub fn safe_macro(x: i32) -> i32 {
    twice!(x)
}

macro twice($e:expr) {
    $e + $e
}
