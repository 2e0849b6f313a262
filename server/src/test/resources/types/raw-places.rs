// The place inside `addr_of!` / `addr_of_mut!` is the caller's code, checked as `&raw const` /
// `&raw mut` is: a projection through a raw pointer (`(*out).0`) needs `unsafe`, the pointer's own
// place (`*out`), a `static mut` and a union field do not (the address is taken, nothing is read).

use std::ptr;

pub struct Pair(pub u8, pub u8);

pub union Bits {
    pub int: u32,
    pub float: f32,
}

pub static mut COUNTER: u32 = 0;

pub fn places(out: *mut Pair, bits: &Bits) -> *const u32 {
    let whole = ptr::addr_of!(*out);
    // SAFETY: the caller passes a valid, writable pair.
    unsafe { ptr::addr_of_mut!((*out).0).write(1) }; //~ op //~ op
    let _counter = ptr::addr_of!(COUNTER);
    let _ = whole;
    ptr::addr_of!(bits.int)
}

// In parentheses an operation stands where its `(` does: rustc gives the inner expression the
// parentheses' span (encoding_rs writes `unsafe { *(src.get_unchecked(i)) }`).
/// # Safety
/// `p` must be valid for reads (this one reads nothing).
unsafe fn read_byte(p: *const u8) -> u8 {
    p as usize as u8
}

pub union Word {
    pub int: u32,
    pub float: f32,
}

pub fn in_parentheses(src: &[u8], p: *const u8, w: Word) -> u32 {
    // SAFETY: the caller passes a valid pointer and a slice of two bytes at least.
    unsafe {
        let a = *(src.get_unchecked(1)); //~ op
        let b = (read_byte(p)) as u32; //~ op
        let c = ((p.read())) as u32; //~ op
        let d = (w.int) + (*p) as u32; //~ op //~ op
        a as u32 + b + c + d
    }
}
