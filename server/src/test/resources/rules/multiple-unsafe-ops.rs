// An unsafe block holding two or more unsafe operations the analysis is sure of (directly, not in
// a nested unsafe block or fn item), reported at its `unsafe`. Each operation has its own
// conditions; one block per operation keeps each SAFETY argument next to what it justifies.

use std::ptr;

static mut TOTAL: u64 = 0;

pub fn copy_byte(src: *const u8, dst: *mut u8) {
    // SAFETY: callers pass valid, non-overlapping pointers.
    unsafe { //~ multiple-unsafe-ops
        let v = *src;
        *dst = v;
    }
}

pub fn read_and_count(p: *const u64) -> u64 {
    // SAFETY: `p` is valid, and this demo is single-threaded.
    unsafe { TOTAL += ptr::read(p); TOTAL } //~ multiple-unsafe-ops
}

pub fn in_a_macro(a: *const u8, b: *const u8) {
    // SAFETY: callers pass valid pointers.
    unsafe { println!("{} {}", *a, *b) } //~ multiple-unsafe-ops
}

pub fn in_a_closure(items: &[u8]) -> u8 {
    let p = items.as_ptr();
    // SAFETY: `items` holds at least two bytes (callers check).
    unsafe { //~ multiple-unsafe-ops
        let pick = |i: usize| *p.add(i);
        pick(0) + pick(1)
    }
}

// ok: one operation per block, each with its own argument.
pub fn split(src: *const u8, dst: *mut u8) {
    // SAFETY: callers pass a `src` valid for reads.
    let v = unsafe { *src };
    // SAFETY: callers pass a `dst` valid for writes, not overlapping `src`.
    unsafe { *dst = v };
}

// ok: safe statements do not count, nor do calls the analysis cannot resolve.
pub fn mostly_safe(p: *const u8, v: &mut Vec<u8>) {
    // SAFETY: callers pass a valid pointer.
    unsafe {
        let x = *p;
        v.push(x);
        v.sort();
        external_thing(x);
    }
}

fn external_thing(_x: u8) {}

// ok: an operation inside a fn item declared in the block belongs to that fn.
pub fn with_item(p: *const u8) -> u8 {
    // SAFETY: callers pass a valid pointer.
    unsafe {
        fn helper(q: *const u8) -> u8 {
            // SAFETY: only called with a valid pointer.
            unsafe { *q }
        }
        helper(p) + *p
    }
}

// A block counts what the crate's macros called in it expand to: `twice!` writes its argument
// twice, so this block holds two unsafe calls.
macro_rules! twice {
    ($e:expr) => {
        $e;
        $e
    };
}

unsafe fn tick() {}

pub fn counted_through_a_macro() {
    // SAFETY: `tick` has no preconditions.
    unsafe { twice!(tick()) } //~ multiple-unsafe-ops
}

pub fn once_through_a_macro() {
    // SAFETY: `tick` has no preconditions.
    unsafe { t1!(tick()) }
}

macro_rules! t1 {
    ($e:expr) => {
        $e
    };
}
