//! Calls into a dependency that declares C functions, under a renamed dependency name.
use ffi::sys_close;

pub fn open_and_close(path: &std::ffi::CStr) -> i32 {
    // SAFETY: `path` is a valid C string for the duration of the call.
    let fd = unsafe { ffi::sys_open(path.as_ptr(), 0) };
    // SAFETY: `fd` came from `sys_open`.
    unsafe { sys_close(fd) };
    ffi::checked_len(3)
}

mod legacy {
    use ffi; // as edition 2015 code writes it: the crate, not a loop back to this import

    pub fn close(fd: i32) {
        // SAFETY: the caller owns `fd`.
        unsafe { ffi::sys_close(fd) };
    }
}

mod self_import {
    use ffi::{self, checked_len};

    pub fn close_all(fds: &[i32]) -> i32 {
        // SAFETY: the caller owns every descriptor in `fds`.
        fds.iter().map(|fd| unsafe { ffi::sys_close(*fd) }).sum::<i32>() + checked_len(0)
    }
}

pub use gen as bindings;

mod generated {
    use super::bindings;

    pub fn absolute(n: i32) -> i32 {
        // SAFETY: `gen_abs` accepts any value.
        let abs = unsafe { bindings::gen_abs(n) };
        abs + bindings::gen_version()
    }
}

mod shim {
    // re-exported for the crate's other modules, as parking_lot's `deadlock` shim does
    pub(crate) use ffi::sys_close;
}

pub fn close_through_shim(fd: i32) -> i32 {
    // SAFETY: the caller owns `fd`.
    unsafe { shim::sys_close(fd) }
}

// A local module with the dependency's name: `::ffi` is the crate all the same (edition 2018 on),
// and `ffi` alone, inside `shadow`, is the module.
mod shadow {
    mod ffi {
        pub fn sys_close(_fd: i32) -> i32 { 0 }
        pub fn last_error() -> &'static i32 { &0 }
    }

    pub fn close_through_crate(fd: i32) -> i32 {
        // SAFETY: the caller owns `fd`.
        unsafe { ::ffi::sys_close(fd) }
    }

    pub fn close_local(fd: i32) -> i32 {
        ffi::sys_close(fd)
    }

    pub fn error_of_the_crate() -> i32 {
        // SAFETY: the dependency's error slot is a static: it lives as long as the program.
        unsafe { *::ffi::last_error() }
    }

    pub fn error_of_the_module() -> i32 {
        *ffi::last_error()
    }
}
