// Every use of a `static mut` (read, write, or borrow), where its path starts. Taking a raw pointer
// with `&raw const` / `&raw mut` / `addr_of!` is not an access and needs no `unsafe`.

use std::ptr::addr_of;

static mut COUNTER: u32 = 0;
static mut LOG: Vec<String> = Vec::new();
static LIMIT: u32 = 10;

mod config {
    pub static mut LEVEL: u8 = 0;
}

extern "C" {
    static mut errno_shadow: i32;
}

pub fn increment() -> u32 {
    // SAFETY: single-threaded demo; no reference to `COUNTER` is alive.
    unsafe {
        COUNTER += 1; //~ static-mut-access
        if COUNTER > LIMIT { //~ static-mut-access
            COUNTER = 0; //~ static-mut-access
        }
        COUNTER //~ static-mut-access
    }
}

pub fn level() -> u8 {
    // SAFETY: `LEVEL` is only written during start-up, before any thread exists.
    unsafe { config::LEVEL } //~ static-mut-access
}

pub fn set_level(v: u8) {
    // SAFETY: called once during start-up, before any thread exists.
    unsafe { crate::config::LEVEL = v } //~ static-mut-access
}

pub fn log(line: &str) {
    // SAFETY: single-threaded demo; the reference made by `push` lives only for this call.
    unsafe { (*(&raw mut LOG)).push(line.to_owned()) }
}

#[allow(static_mut_refs)]
pub fn log_len() -> usize {
    // SAFETY: single-threaded demo; the shared reference made by `len` ends with the call.
    unsafe { LOG.len() } //~ static-mut-access
}

pub fn last_error() -> i32 {
    // SAFETY: reading the C library's error number right after the call that set it.
    unsafe { errno_shadow } //~ static-mut-access
}

// ok: raw pointers to a static mut need no access.
pub fn pointers() -> (*const u32, *mut u8, *const u32) {
    (&raw const COUNTER, &raw mut config::LEVEL, addr_of!(COUNTER))
}

// ok: an immutable static.
pub fn not_static_mut() -> u32 {
    LIMIT + 1
}

// ok: a struct field named like the static is not the static.
#[allow(non_snake_case)]
pub struct Stats {
    pub COUNTER: u32,
}

pub fn field(stats: &Stats) -> u32 {
    stats.COUNTER
}

mod other {
    // ok: this `COUNTER` is an immutable static of this module, not the root's `static mut COUNTER`.
    static COUNTER: u32 = 1;
    pub fn get() -> u32 {
        COUNTER
    }
}
