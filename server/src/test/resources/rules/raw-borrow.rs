// Every raw borrow (`&raw const`, `&raw mut`, `addr_of!`, `addr_of_mut!`) is inventoried where it
// starts. It makes a raw pointer without creating a reference first.

use std::ptr::{self, addr_of, addr_of_mut};

#[repr(C, packed)]
pub struct Packed {
    pub tag: u8,
    pub value: u32,
}

pub fn field_pointers(p: &mut Packed) -> (*const u32, *mut u32) {
    let read = &raw const p.value; //~ raw-borrow
    let write = &raw mut p.value; //~ raw-borrow
    (read, write)
}

pub fn with_macros(p: &mut Packed) -> (*const u32, *mut u8) {
    let a = addr_of!(p.value); //~ raw-borrow
    let b = addr_of_mut!(p.tag); //~ raw-borrow
    let _c = ptr::addr_of!(p.tag); //~ raw-borrow
    let _d = core::ptr::addr_of_mut!(p.value); //~ raw-borrow
    (a, b)
}

static mut TICKS: u64 = 0;

pub fn ticks_pointer() -> *mut u64 {
    // Taking a raw pointer to a `static mut` needs no `unsafe` block.
    &raw mut TICKS //~ raw-borrow
}

pub fn two(a: &u8, b: &u8) -> (*const u8, *const u8) {
    (&raw const *a, &raw const *b) //~ raw-borrow //~ raw-borrow
}

// ok: ordinary borrows, even when they are turned into pointers afterwards.
pub fn references(x: &mut u32) -> *const u32 {
    let shared: &u32 = x;
    shared as *const u32
}

// ok: `raw` is only a keyword right after `&` followed by `const`/`mut`; here it is a variable.
pub fn variable_named_raw() -> usize {
    let raw = 5_usize;
    let r = &raw;
    *r
}
