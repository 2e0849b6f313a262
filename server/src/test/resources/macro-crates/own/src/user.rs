//! Calls the functions that the crate's macros declare in another file.
use crate::cmsg::{self, Handle};

pub fn len(p: *const i32) -> i32 {
    // SAFETY: the caller passes a readable pointer.
    unsafe { cmsg::CMSG_LEN(p) } //~ unsafe-call
}

pub fn read(fd: i32) -> i32 {
    // SAFETY: `fd` is open.
    unsafe { crate::cmsg::read_mhdr(fd) } //~ unsafe-call
}

pub fn checked(fd: i32) -> i32 {
    cmsg::checked(fd)
}

pub fn raw(h: &Handle) -> i32 {
    // SAFETY: `h` is open.
    unsafe { h.raw_fd() } //~ unsafe-call
}

pub fn close(fd: i32) -> i32 {
    // SAFETY: closing a descriptor twice is an error, not undefined behaviour.
    unsafe { cmsg::c_close(fd) } //~ unsafe-call
}

pub fn close_through_the_module(fd: i32) -> i32 {
    crate::macros::close_raw!(fd) //~ unsafe-call
}

pub fn close_through_a_relative_path(fd: i32) -> i32 {
    super::macros::close_raw!(fd) //~ unsafe-call
}
