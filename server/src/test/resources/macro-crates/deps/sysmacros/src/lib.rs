//! Exports macros that call the crate's own unsafe functions through `$crate`.
pub mod sys {
    /// # Safety
    /// `fd` must be open.
    pub unsafe fn close(fd: i32) -> i32 {
        fd
    }
}

/// Calls a function of `sys`, `-1` is an error.
#[macro_export]
macro_rules! syscall {
    ($fn:ident($($arg:expr),* $(,)?)) => {{
        #[allow(unused_unsafe)]
        let res = unsafe { $crate::sys::$fn($($arg),*) };
        if res == -1 { Err(()) } else { Ok(res) }
    }};
}

/// Reads through a raw pointer.
#[macro_export]
macro_rules! read_raw {
    ($p:expr) => {
        unsafe { *$p }
    };
}

/// Closes a descriptor with `syscall!`, named through `$crate`.
#[macro_export]
macro_rules! close_fd {
    ($fd:expr) => {
        $crate::syscall!(close($fd))
    };
}

/// Not exported: other crates cannot call it.
#[allow(unused_macros)]
macro_rules! private_close {
    ($fd:expr) => {
        unsafe { $crate::sys::close($fd) }
    };
}
