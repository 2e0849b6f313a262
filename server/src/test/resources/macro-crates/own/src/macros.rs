/// Declares `unsafe extern "C"` functions with bodies, as libc's `f!` does (once per cfg variant,
/// so the crate defines the name twice, differently).
#[cfg(target_pointer_width = "64")]
macro_rules! f {
    ($($(#[$attr:meta])* pub fn $name:ident($($arg:ident: $t:ty),* $(,)?) -> $ret:ty $body:block)*) => {
        $(
            $(#[$attr])*
            #[inline]
            pub unsafe extern "C" fn $name($($arg: $t),*) -> $ret $body
        )*
    };
}

#[cfg(not(target_pointer_width = "64"))]
macro_rules! f {
    ($($(#[$attr:meta])* pub fn $name:ident($($arg:ident: $t:ty),* $(,)?) -> $ret:ty $body:block)*) => {
        $(
            $(#[$attr])*
            pub unsafe extern "C" fn $name($($arg: $t),*) -> $ret $body
        )*
    };
}

/// Puts items behind a cargo feature, as nix's `feature!` does.
macro_rules! feature {
    (#![$meta:meta] $($item:item)*) => {
        $(
            #[cfg($meta)]
            $item
        )*
    };
}

/// Closes a descriptor, as crates' small syscall wrappers do; reached by a path through this
/// module (2018 style) since the `use` below re-exports it.
macro_rules! close_raw {
    ($fd:expr) => {
        // SAFETY: closing a descriptor twice is an error, not undefined behaviour.
        unsafe { crate::cmsg::c_close($fd) }
    };
}
pub(crate) use close_raw;
