//! A crate whose functions are declared by its own macros, as libc and nix declare theirs.
#[macro_use]
mod macros;
pub mod cmsg;
pub mod renamed;
pub mod user;

/// `close_raw!` under the name the crate's other modules call it by (`crate::close_descriptor!`).
pub(crate) use macros::close_raw as close_descriptor;
