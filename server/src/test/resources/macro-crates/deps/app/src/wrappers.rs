//! Functions that a dependency's macro writes among this crate's items, called from other files:
//! the index expands the calls as the analysis does.
sysm::unsafe_wrappers! {
    close_by_path => close;
}

use sysm::unsafe_wrappers as wrappers;

wrappers! {
    close_by_import => close;
}

/// Needs no `unsafe` to call: a safe fn of the same shape, for contrast.
pub fn close_safely(fd: i32) -> i32 {
    fd
}
