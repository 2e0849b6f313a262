// Every `static mut` item is inventoried where the item starts (its visibility, after attributes).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

static mut COUNTER: u32 = 0; //~ static-mut

pub static mut BUFFER: [u8; 16] = [0; 16]; //~ static-mut

#[no_mangle]
pub static mut EXPORTED_FLAG: bool = false; //~ static-mut

pub fn bump() -> u32 {
    static mut LOCAL_CALLS: u32 = 0; //~ static-mut
    // SAFETY: this demo is single-threaded and keeps no reference to the statics.
    unsafe {
        LOCAL_CALLS += 1;
        COUNTER += 1;
        COUNTER
    }
}

extern "C" {
    // A foreign mutable static counts too: every access to it is unsafe as well.
    static mut environ: *const *const u8; //~ static-mut
    // ok: an immutable foreign static (reading it is unsafe, but it is not `mut`).
    static timezone: std::ffi::c_long;
}

// ok: the safe alternatives to a mutable static.
static HITS: AtomicUsize = AtomicUsize::new(0);
static NAMES: Mutex<Vec<String>> = Mutex::new(Vec::new());
pub static GREETING: &str = "hello";

pub fn hit() -> usize {
    HITS.fetch_add(1, Ordering::Relaxed)
}

pub fn remember(name: &str) {
    NAMES.lock().unwrap().push(name.to_owned());
}

// ok: a mutable local binding is not a static.
pub fn local() -> u8 {
    let mut x = 1;
    x += 1;
    x
}
