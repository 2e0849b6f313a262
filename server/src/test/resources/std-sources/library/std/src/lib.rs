//! The miniature `std`.

extern crate alloc as alloc_crate;

pub use alloc_crate::vec;
pub use core::ptr;
pub use core::{arch, mem, num};

pub mod env;

pub mod fs {
    use crate::vec::Vec;

    pub fn read(path: &str) -> Vec<u8> {
        loop {}
    }
}
