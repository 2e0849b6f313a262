// Declarations that cfg selects per platform: the analysis takes the ones compiled for the target
// (the machine's own, from `rustc --print cfg`), as rustc does. Lines marked `op` hold one unsafe
// operation when compiled for a unix target; the windows variants are safe, and written first.
mod parker;
#[cfg_attr(windows, path = "backend/windows/mod.rs")]
#[cfg_attr(unix, path = "backend/unix/mod.rs")]
mod backend;

pub use parker::Parker;

#[cfg(windows)]
fn raw_close(fd: i32) -> i32 {
    fd
}

#[cfg(unix)]
unsafe fn raw_close(fd: i32) -> i32 {
    fd
}

pub fn close(fd: i32) -> i32 {
    unsafe { raw_close(fd) } // op
}

pub fn park(p: &Parker) {
    unsafe { p.prepare() } // op
}

pub fn convert(x: i32) -> i32 {
    unsafe { crate::backend::conv::ret(x) } // op
}
