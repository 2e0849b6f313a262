//! Calls a dependency's exported macros in the three ways Rust allows. What a macro writes inside
//! its own `unsafe` block is the dependency's (the call needs no `unsafe`: nothing to report here);
//! what it writes for the caller's `unsafe` block is an operation of the caller.
#[macro_use]
extern crate sysm;

pub mod by_import;

pub fn by_path(fd: i32) -> Result<i32, ()> {
    sysm::syscall!(close(fd))
}

pub fn by_path_in_callers_block(fd: i32) -> i32 {
    // SAFETY: the caller owns `fd`.
    unsafe { sysm::raw_syscall!(close(fd)) } //~ unsafe-call
}

pub fn by_macro_use(p: *const u8) -> u8 {
    read_raw!(p)
}

pub fn by_macro_use_in_callers_block(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { read_unwrapped!(p) } //~ raw-pointer-deref
}

pub fn through_crate(fd: i32) -> i32 {
    // SAFETY: the caller owns `fd`.
    unsafe { close_fd!(fd) } //~ unsafe-call
}

pub fn by_reexported_name(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { sysm::deref_unwrapped!(p) } //~ raw-pointer-deref
}

pub mod wrappers;

pub fn through_written_fns(fd: i32) -> i32 {
    // SAFETY: the caller owns `fd`.
    unsafe { wrappers::close_by_path(fd) + wrappers::close_by_import(fd) } //~ unsafe-call //~ unsafe-call
}

pub fn through_a_safe_fn(fd: i32) -> i32 {
    wrappers::close_safely(fd)
}

pub fn through_another_crates_wrappers(fd: i32) -> i32 {
    // SAFETY: the caller owns `fd`.
    unsafe { wrapm::close_wrapped(fd) } //~ unsafe-call
}

sysm::flags!(Mode);

pub fn mode_of(bits: u32) -> u32 {
    // SAFETY: the caller passes defined flags only.
    unsafe { Mode::from_bits_unchecked(bits) }.bits() //~ unsafe-call
}
