//! A crate whose functions are declared by its own macros, as libc and nix declare theirs.
#[macro_use]
mod macros;
pub mod cmsg;
pub mod user;
