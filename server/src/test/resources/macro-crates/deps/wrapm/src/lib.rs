//! Declares its unsafe functions through another crate's macro, as FFI crates generate their
//! bindings: what the expansion declares is in this crate's cached declarations.
sysm::unsafe_wrappers! {
    close_wrapped => close;
}
