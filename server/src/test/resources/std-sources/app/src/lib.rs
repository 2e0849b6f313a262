use core::arch::x86_64::*;
use std::ptr;

pub fn calls(p: *const u8, v: *mut u8) {
    // SAFETY: the fixture only needs the calls to be written.
    unsafe {
        let _ = ptr::read(p); //~ unsafe-call
        let _ = std::ptr::read(p); //~ unsafe-call
        let _ = std::fs::read("x"); // ok: a safe `read` of another module
        let _ = core::ptr::null::<u8>(); // ok: safe
        let _ = Vec::from_raw_parts(v, 0, 0); //~ unsafe-call
        let _ = Vec::<u8>::new(); // ok: safe
        let _ = std::vec::Vec::from_raw_parts(v, 0, 0); //~ unsafe-call
        let _ = core::num::NonZeroUsize::new_unchecked(1); //~ unsafe-call
        let _ = std::mem::transmute_copy::<u8, u8>(&1); //~ unsafe-call
        let _ = _mm_loadu_si128(p as *const __m128i); //~ unsafe-call
        std::env::set_var("a", "b"); // ok: unsafe only from edition 2024
        let _ = std::slice::from_raw_parts(p, 1); //~ unsafe-call
        let _ = std::slice::from_ref(&1); // ok: safe
    }
}

pub fn local_import(p: *const u8) -> u8 {
    use core::ptr;
    // SAFETY: the fixture only needs the call to be written.
    unsafe { ptr::read(p) } //~ unsafe-call
}

#[target_feature(enable = "sse2")]
pub fn with_feature(a: __m128i) -> __m128i {
    _mm_add_epi8(a, a) // ok: the feature is enabled here
}

pub struct Table;

impl Table {
    /// # Safety
    ///
    /// The table must be mapped.
    pub unsafe fn map(&self) -> u8 {
        0
    }

    /// # Safety
    ///
    /// The table must be mapped.
    pub unsafe fn poke(&self) {}
}

pub fn unknown_receivers() {
    // SAFETY: the fixture only needs the calls to be written.
    unsafe {
        // ok: a call's result of unknown type may well be an `Option` (std's `map` is safe)
        let _ = somewhere::value().map(|x| x);
        somewhere::value().poke(); //~ unsafe-call
        // a local or a field of unknown type is more often the crate's own: its `map` is meant
        let table = somewhere::table();
        let _ = table.map(); //~ unsafe-call
    }
}
