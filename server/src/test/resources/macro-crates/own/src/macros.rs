/// Declares `unsafe extern "C"` functions with bodies, as libc's `f!` does.
macro_rules! f {
    ($($(#[$attr:meta])* pub fn $name:ident($($arg:ident: $t:ty),* $(,)?) -> $ret:ty $body:block)*) => {
        $(
            $(#[$attr])*
            #[inline]
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
