//! Calls a dependency's exported macros in the three ways Rust allows.
#[macro_use]
extern crate sysm;

pub mod by_import;

pub fn by_path(fd: i32) -> Result<i32, ()> {
    sysm::syscall!(close(fd)) //~ unsafe-call
}

pub fn by_macro_use(p: *const u8) -> u8 {
    read_raw!(p) //~ raw-pointer-deref
}

pub fn through_crate(fd: i32) -> Result<i32, ()> {
    close_fd!(fd) //~ unsafe-call
}
