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

/// Calls a function of `sys` without a block of its own: the caller's `unsafe` covers it.
#[macro_export]
macro_rules! raw_syscall {
    ($fn:ident($($arg:expr),* $(,)?)) => {
        $crate::sys::$fn($($arg),*)
    };
}

/// Reads through a raw pointer, in the caller's `unsafe`.
#[macro_export]
macro_rules! read_unwrapped {
    ($p:expr) => {
        *$p
    };
}

/// Closes a descriptor with `raw_syscall!`, named through `$crate`.
#[macro_export]
macro_rules! close_fd {
    ($fd:expr) => {
        $crate::raw_syscall!(close($fd))
    };
}

/// Writes `unsafe` wrappers of `sys` functions among the calling crate's items, as FFI crates
/// generate their bindings.
#[macro_export]
macro_rules! unsafe_wrappers {
    ($($name:ident => $target:ident;)*) => {
        $(
            /// # Safety
            /// As for the wrapped function.
            pub unsafe fn $name(fd: i32) -> i32 {
                unsafe { $crate::sys::$target(fd) }
            }
        )*
    };
}

/// Not exported: other crates cannot call it.
#[allow(unused_macros)]
macro_rules! private_close {
    ($fd:expr) => {
        unsafe { $crate::sys::close($fd) }
    };
}

/// `read_unwrapped!` under another name, re-exported at the root.
pub use crate::read_unwrapped as deref_unwrapped;

/// Declares a flags type, as bitflags 1 does: `local_inner_macros` makes the plain
/// `__flags_impl!` call this crate's macro, which writes an unsafe constructor.
#[macro_export(local_inner_macros)]
macro_rules! flags {
    ($name:ident) => {
        #[derive(Clone, Copy)]
        pub struct $name {
            bits: u32,
        }
        __flags_impl!($name);
    };
}

#[macro_export(local_inner_macros)]
#[doc(hidden)]
macro_rules! __flags_impl {
    ($name:ident) => {
        impl $name {
            /// # Safety
            /// `bits` must hold only defined flags.
            pub const unsafe fn from_bits_unchecked(bits: u32) -> Self {
                Self { bits }
            }

            pub fn bits(self) -> u32 {
                self.bits
            }
        }
    };
}
