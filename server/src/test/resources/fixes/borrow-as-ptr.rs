// Every `borrow-as-ptr` fix offered here must compile (FixesCompileTest applies the first fix of
// each finding and runs rustc). The file compiles as it is, too.
#![allow(dead_code, unused, clippy::all)]

pub trait Shape {}
impl Shape for u8 {}

pub struct S {
    k: u8,
    v: Vec<u8>,
}

const LIMIT: u32 = 8;
static ORIGIN: u32 = 0;
pub struct Unit;

fn value() -> i32 {
    1
}

fn shared() -> &'static S {
    unimplemented!()
}

fn owned() -> S {
    unimplemented!()
}

pub fn casts(x: u8, mut y: u8, h: &S, v: Vec<usize>, boxed: Box<S>, pair: (u8, u8)) {
    let temporary = &0 as *const i32;
    let call = &value() as *const i32;
    let method = &v.len() as *const usize;
    let field_of_temporary = &owned().k as *const u8;
    let field_of_reference = &shared().k as *const u8;
    let constant = &LIMIT as *const u32;
    let unit = &Unit as *const Unit;
    let erased = &x as *const dyn Shape;
    let erased_mut = &mut y as *mut (dyn Shape + 'static);
    let local = &x as *const u8;
    let field = &h.k as *const u8;
    let through_box = &boxed.k as *const u8;
    let index = &v[0] as *const usize;
    let nested = &h.v[0] as *const u8;
    let deref = &*h as *const S;
    let parenthesized = &(x) as *const u8;
    let tuple = &pair.1 as *const u8;
    let static_item = &ORIGIN as *const u32;
    let mutable = &mut y as *mut u8;
}

pub fn coerced(h: &S, v: &mut [u32], x: u8) -> *const u8 {
    let p: *const u8 = &h.k;
    let erased: *const dyn Shape = &x;
    let temporary: *const u32 = &LIMIT;
    // SAFETY: `v` is a live slice of `u32`.
    let first = unsafe { core::ptr::read(&v[0]) };
    // SAFETY: the temporary lives until the end of the statement.
    let copy = unsafe { core::ptr::read(&(first + 1)) };
    let _ = (p, copy);
    &h.k
}
