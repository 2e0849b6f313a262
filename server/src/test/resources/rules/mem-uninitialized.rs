// A call to `mem::uninitialized` (std or core, however it is imported), where the call starts.
// It is undefined behaviour for almost every type (integers, references, bools, enums...);
// `MaybeUninit<T>` is the replacement that tracks initialisation.

#![allow(deprecated)]

use std::mem::{self, MaybeUninit};
use core::mem::uninitialized as garbage;

pub fn deprecated_ways() -> (u32, [u8; 16], bool, u64) {
    // SAFETY: (none possible: each of these is undefined behaviour)
    unsafe {
        let a: u32 = mem::uninitialized(); //~ mem-uninitialized
        let b = std::mem::uninitialized::<[u8; 16]>(); //~ mem-uninitialized
        let c: bool = core::mem::uninitialized(); //~ mem-uninitialized
        let d: u64 = garbage(); //~ mem-uninitialized
        (a, b, c, d)
    }
}

// ok: `MaybeUninit` keeps the value uninitialised until it is written, then `assume_init`.
pub fn with_maybe_uninit() -> [u8; 16] {
    let mut buf = MaybeUninit::<[u8; 16]>::uninit();
    buf.write([0; 16]);
    // SAFETY: `write` initialised every byte just above.
    unsafe { buf.assume_init() }
}

// ok: zeroed memory is another rule's business (valid for integers, not for references).
pub fn zeroed() -> u64 {
    // SAFETY: all-zero bytes are a valid `u64`.
    unsafe { mem::zeroed() }
}

// ok: a crate fn with the same name is not the std one.
mod pool {
    pub fn uninitialized() -> Vec<u8> {
        Vec::with_capacity(16)
    }
}

pub fn from_pool() -> usize {
    pool::uninitialized().capacity()
}
