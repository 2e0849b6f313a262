//! A dependency's macro imported by name.
use sysm::raw_syscall;

pub fn close(fd: i32) -> i32 {
    // SAFETY: the caller owns `fd`.
    unsafe { raw_syscall!(close(fd)) } //~ unsafe-call
}
