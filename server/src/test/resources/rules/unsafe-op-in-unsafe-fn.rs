// edition: 2024
// An unsafe operation written directly in the body of an `unsafe fn`, outside an `unsafe { }`
// block, where the operation starts. rustc warns about it from edition 2024 on (lint
// `unsafe_op_in_unsafe_fn`); in earlier editions it is allowed, and reported here as a note.

use std::ptr;

static mut COUNT: u32 = 0;

pub union Word {
    pub int: u32,
    pub float: f32,
}

/// # Safety
///
/// `p` must be valid for reads and writes.
pub unsafe fn body_ops(p: *mut u32, w: Word) -> u32 {
    *p += 1; //~ unsafe-op-in-unsafe-fn
    let old = ptr::replace(p, 0); //~ unsafe-op-in-unsafe-fn
    COUNT += 1; //~ unsafe-op-in-unsafe-fn
    old + w.int //~ unsafe-op-in-unsafe-fn
}

/// # Safety
///
/// `v` must hold at least one element.
pub unsafe fn in_closure(v: &[u8]) -> u8 {
    let first = || *v.get_unchecked(0); //~ unsafe-op-in-unsafe-fn
    first()
}

pub struct Slots {
    data: Vec<u64>,
}

impl Slots {
    /// # Safety
    ///
    /// `i` must be less than the number of slots.
    pub unsafe fn get(&self, i: usize) -> u64 {
        *self.data.get_unchecked(i) //~ unsafe-op-in-unsafe-fn
    }

    /// # Safety
    ///
    /// `i` must be less than the number of slots.
    pub unsafe fn get_documented(&self, i: usize) -> u64 {
        // ok: the operation has its own block and SAFETY comment.
        // SAFETY: the caller guarantees `i` is in bounds.
        unsafe { *self.data.get_unchecked(i) }
    }
}

/// # Safety
///
/// `p` must be valid for reads; `q` for writes.
pub unsafe fn mixed(p: *const u32, q: *mut u32) {
    // SAFETY: the caller guarantees `p` is valid for reads.
    let v = unsafe { *p };
    *q = v; //~ unsafe-op-in-unsafe-fn
}

// ok: an unsafe fn may well have no unsafe operation (its contract can be about an invariant).
/// # Safety
///
/// `len` must not exceed the real length of the buffer the caller tracks.
pub unsafe fn trust_len(len: usize) -> usize {
    len
}

// ok: a safe fn cannot hold unsafe operations outside a block at all; inside one is fine.
pub fn safe_fn(v: &[u8]) -> u8 {
    if v.is_empty() {
        return 0;
    }
    // SAFETY: `v` is not empty.
    unsafe { *v.get_unchecked(0) }
}

// What a crate macro expands to counts where the macro is called: the operations of an argument
// at their own place, those of the macro's text at the call.
macro_rules! twice {
    ($e:expr) => {
        $e;
        $e
    };
}

macro_rules! call_it {
    () => {
        inner()
    };
}

unsafe fn inner() {}

pub unsafe fn through_macros() {
    twice!(inner()); //~ unsafe-op-in-unsafe-fn
    call_it!(); //~ unsafe-op-in-unsafe-fn
    unsafe { call_it!() };
}
