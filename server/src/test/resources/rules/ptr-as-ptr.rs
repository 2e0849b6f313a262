// An `as` cast from a raw pointer to a raw pointer of the same mutability, at the cast.
// `p.cast::<U>()` says the same and cannot change the mutability or anything else by accident.

pub fn params(p: *const u8, q: *mut u8) -> (*const u32, *mut u16) {
    (p as *const u32, q as *mut u16) //~ ptr-as-ptr //~ ptr-as-ptr
}

pub fn from_methods(bytes: &[u8], out: &mut [u8]) -> (*const u64, *mut u64) {
    let a = bytes.as_ptr() as *const u64; //~ ptr-as-ptr
    let b = out.as_mut_ptr() as *mut u64; //~ ptr-as-ptr
    (a, b)
}

pub fn chained(x: &u32) -> *const [u8; 4] {
    x as *const u32 as *const [u8; 4] //~ ptr-as-ptr
}

pub fn from_a_local(v: &mut Vec<f32>) -> *mut u32 {
    let p: *mut f32 = v.as_mut_ptr();
    p as *mut u32 //~ ptr-as-ptr
}

// ok: the compliant form.
pub fn with_cast(p: *const u8) -> *const u32 {
    p.cast::<u32>()
}

// `as *const _` infers the pointee; `.cast()` infers it the same way, and keeps the mutability.
pub fn inferred(p: *const u8) -> *const u16 {
    p as *const _ //~ ptr-as-ptr
}

// ok: changing mutability is `cast_mut` / `cast_const` territory, not this rule's.
pub fn mutability(p: *const u8, q: *mut u8) -> (*mut u8, *const u8) {
    (p as *mut u8, q as *const u8)
}

// ok: the operand is a reference (a coercion to a pointer), or an integer.
pub fn not_pointers(r: &u8, addr: usize) -> (*const u8, *const u8) {
    (r as *const u8, addr as *const u8)
}

pub fn parenthesised(p: *const u8) -> u32 {
    // SAFETY: callers pass a pointer to four readable bytes.
    unsafe { (p as *const u32).read_unaligned() } //~ ptr-as-ptr
}
