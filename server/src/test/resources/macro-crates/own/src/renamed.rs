//! The crate's macros called under other names: renamed by a `use .. as ..` of this file, and
//! re-exported under another name by the crate's root.
use crate::macros::close_raw as shut;

macro_rules! read_ptr {
    ($p:expr) => {
        // SAFETY: the caller passes a readable pointer.
        unsafe { *$p }
    };
}
use read_ptr as peek;

pub fn close_renamed(fd: i32) -> i32 {
    shut!(fd) //~ unsafe-call
}

pub fn close_reexported(fd: i32) -> i32 {
    crate::close_descriptor!(fd) //~ unsafe-call
}

pub fn read_renamed(p: *const i32) -> i32 {
    peek!(p) //~ raw-pointer-deref
}

pub fn close_by_another_name(fd: i32) -> i32 {
    // a function of that name is not a macro: nothing to expand, and `close_descriptor` is safe
    close_descriptor(fd)
}

fn close_descriptor(fd: i32) -> i32 {
    fd
}
