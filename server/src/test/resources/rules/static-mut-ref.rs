// edition: 2024
// A reference taken to a `static mut` (`&STATIC` or `&mut STATIC`), at the `&`. While such a
// reference lives, any other access to the static is undefined behaviour. rustc warns in earlier
// editions and denies it in edition 2024 (lint `static_mut_refs`), so this file does not compile:
// it shows the mistakes. Raw pointers (`&raw const`, `&raw mut`, `addr_of!`) are the way out.

use std::ptr::{addr_of, addr_of_mut};
use std::sync::atomic::{AtomicU32, Ordering};

static mut BUFFER: [u8; 64] = [0; 64];
static mut COUNT: u32 = 0;

pub fn shared() -> usize {
    // SAFETY: single-threaded demo (the reference below is still denied in edition 2024).
    let buf: &[u8; 64] = unsafe { &BUFFER }; //~ static-mut-ref
    buf.len()
}

pub fn exclusive() {
    // SAFETY: single-threaded demo (the reference below is still denied in edition 2024).
    let buf = unsafe { &mut BUFFER }; //~ static-mut-ref
    buf[0] = 1;
}

pub fn as_argument() -> u32 {
    // SAFETY: single-threaded demo (the reference below is still denied in edition 2024).
    unsafe { u32::clone(&COUNT) } //~ static-mut-ref
}

pub fn two(a: bool) -> u32 {
    // SAFETY: single-threaded demo (the references below are still denied in edition 2024).
    unsafe { if a { *&COUNT } else { *&mut COUNT } } //~ static-mut-ref //~ static-mut-ref
}

// ok: raw pointers to the static need no reference (and no `unsafe`).
pub fn raw_pointers() -> (*const [u8; 64], *mut u32, *const u32, *mut [u8; 64]) {
    (&raw const BUFFER, &raw mut COUNT, addr_of!(COUNT), addr_of_mut!(BUFFER))
}

// ok: reading or writing the value directly makes no reference.
pub fn by_value() -> u32 {
    // SAFETY: single-threaded demo; no reference to `COUNT` exists.
    unsafe {
        COUNT += 1;
        COUNT
    }
}

// ok: access through a raw pointer, one operation at a time.
pub fn through_pointer(i: usize) -> u8 {
    let p = &raw const BUFFER;
    // SAFETY: single-threaded demo; `i` is checked against the length by indexing.
    unsafe { (*p)[i] }
}

// ok: the safe replacement, an atomic static.
static HITS: AtomicU32 = AtomicU32::new(0);

pub fn hit() -> u32 {
    HITS.fetch_add(1, Ordering::Relaxed) + 1
}

// ok: a reference to an immutable static.
static TABLE: [u8; 4] = [1, 2, 3, 4];

pub fn table() -> &'static [u8; 4] {
    &TABLE
}

// ok: silenced on purpose with rustc's lint name (which also lets this one compile in 2024).
#[allow(static_mut_refs)]
pub fn silenced() -> usize {
    // SAFETY: single-threaded demo; the reference ends with this call.
    unsafe { (&BUFFER).len() }
}

pub fn through_a_field_and_parentheses() -> usize {
    // SAFETY: single-threaded demo; the references end with this statement.
    unsafe { (&(BUFFER)).len() + (&BUFFER[0..1]).len() } //~ static-mut-ref //~ static-mut-ref
}
