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
