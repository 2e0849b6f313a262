// Every `ptr-as-ptr` fix offered here must compile (FixesCompileTest applies the first fix of each
// finding and runs rustc). The file compiles as it is, too.
#![allow(dead_code, unused, clippy::all)]

pub struct Header {
    len: u32,
    data: *const u8,
}

pub trait Shape {}

pub fn casts<T>(p: *const u8, m: *mut u8, h: &Header, t: *const T, s: *const [u8], d: *const dyn Shape) {
    let a = p as *const u16;
    let b = m as *mut u32;
    let c = h.data as *const i8;
    let e = (p as *const u16) as *const u32;
    let f = p.wrapping_add(1) as *const u64;
    let g = t as *const u8;
    let i = s as *const u8;
    let j = &raw const h.len as *const u8;
    let k = unsafe { *(&p as *const *const u8) } as *const i16;
    let l = p as *const u8 as *const u16;
    let n = d as *const u8;
    let o = p as *const _ as *const u32;
}

pub fn over_inferred(mut v: u64, m: *mut u8) -> (*mut u8, *mut u16) {
    (&mut v as *mut _ as *mut u8, m as *mut _ as *mut u16)
}

pub fn returns(p: *mut u8) -> *mut u32 {
    p as _
}

pub fn generic<T: ?Sized>(p: *const T) -> *const u8 {
    p as *const u8
}
