// A `*mut` pointer made from a shared borrow, where the cast starts: `&x as *mut T` (rejected by
// rustc with E0606, a common mistake, also in teaching material), `&x as *const T as *mut T`
// and `v.as_ptr() as *mut T` (they compile, but writing through the pointer is undefined
// behaviour). This file deliberately holds the first form, so it does not compile.

pub fn the_classic_mistake() {
    let x = 42;
    let r1 = &x as *const i32;
    let r2 = &x as *mut i32; //~ invalid-ptr-cast
    let _ = (r1, r2);
}

pub fn laundered_through_const(x: &u32) -> *mut u32 {
    &*x as *const u32 as *mut u32 //~ invalid-ptr-cast
}

pub fn from_a_local(value: u64) -> u64 {
    let p = &value as *const u64 as *mut u64; //~ invalid-ptr-cast
    // Writing through `p` would be undefined behaviour: `value` is only borrowed shared.
    let _ = p;
    value
}

pub fn read_only_pointer(v: &Vec<u8>) -> *mut u8 {
    v.as_ptr() as *mut u8 //~ invalid-ptr-cast
}

pub fn in_an_argument(buf: &[u16]) -> usize {
    std::mem::size_of_val(&(buf.as_ptr() as *mut u16)) //~ invalid-ptr-cast
}

// The `*mut` type named by an alias is the same mistake.
pub type MutBytes = *mut u8;

pub fn through_an_alias(v: &[u8]) -> MutBytes {
    let start: *const u8 = v.as_ptr();
    let _ = start;
    v.as_ptr() as MutBytes //~ invalid-ptr-cast
}

// ok: a mutable borrow may become a mutable pointer.
pub fn from_mutable(x: &mut i32) -> *mut i32 {
    x as *mut i32
}

pub fn from_mutable_borrow() -> i32 {
    let mut y = 1;
    let p = &mut y as *mut i32;
    // SAFETY: `p` points to the live local `y`, and no reference to `y` is alive.
    unsafe { *p = 2 };
    y
}

// ok: a shared borrow may become a `*const` pointer, for reading.
pub fn read_pointer(x: &i32) -> *const i32 {
    x as *const i32
}

// ok: `&raw mut` on a `mut` place, and `as_mut_ptr`, give pointers that may be written through.
pub fn right_ways(v: &mut Vec<u8>) -> (*mut u8, *mut u8) {
    let mut local = 0_u8;
    let a = &raw mut local;
    let _ = a;
    (v.as_mut_ptr(), v.as_mut_ptr() as *mut u8)
}

// ok: `NonNull::as_ptr` already returns `*mut T`.
pub fn non_null(n: std::ptr::NonNull<u8>) -> *mut u8 {
    n.as_ptr() as *mut u8
}
