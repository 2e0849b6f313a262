//! A dependency's macro imported by name.
use sysm::syscall;

pub fn close(fd: i32) -> Result<i32, ()> {
    syscall!(close(fd)) //~ unsafe-call
}
