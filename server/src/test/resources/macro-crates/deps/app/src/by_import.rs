//! A dependency's macro imported by name, and one renamed by the import.
use sysm::raw_syscall;
use sysm::deref_unwrapped as deref;

pub fn close(fd: i32) -> i32 {
    // SAFETY: the caller owns `fd`.
    unsafe { raw_syscall!(close(fd)) } //~ unsafe-call
}

pub fn read(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { deref!(p) } //~ raw-pointer-deref
}
