//! Lint levels set on the crate root and on `mod` declarations reach the module files, as rustc
//! applies them; the nearest one wins. Each `pub unsafe fn` here lacks a `# Safety` section; the
//! lines where `missing-safety-doc` is expected end with its marker (see InheritedLintLevelsTest).
#![allow(clippy::missing_safety_doc)]

pub mod quiet;

#[warn(clippy::missing_safety_doc)]
pub mod loud;

pub mod nested;

#[cfg_attr(unix, path = "sys/unix.rs")]
pub mod sys;

/// Silenced by the crate root's inner attribute.
pub unsafe fn in_the_root(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}

#[warn(clippy::missing_safety_doc)]
mod handles;
pub use handles::Handle;
