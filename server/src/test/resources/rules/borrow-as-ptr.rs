// `&x as *const T` or `&mut x as *mut T`, at the cast: a reference is made only to be turned into
// a raw pointer. `&raw const x` / `&raw mut x` (Rust 1.82+; `addr_of!` before) make the pointer
// directly, so no reference with its aliasing promises exists even for a moment.

#[repr(C, packed)]
pub struct Header {
    pub kind: u8,
    pub len: u32,
}

pub fn pointers(value: &mut u64) -> (*const u64, *mut u64) {
    let local = 5_u64;
    let read = &local as *const u64; //~ borrow-as-ptr
    let write = &mut *value as *mut u64; //~ borrow-as-ptr
    let _ = read;
    (&*value as *const u64, write) //~ borrow-as-ptr
}

pub fn to_address(x: &u32) -> usize {
    &x as *const &u32 as usize //~ borrow-as-ptr
}

pub fn field(h: &Header) -> *const u8 {
    &h.kind as *const u8 //~ borrow-as-ptr
}

// ok: the compliant forms.
pub fn raw_borrows(h: &mut Header) -> (*const u32, *mut u8) {
    (&raw const h.len, &raw mut h.kind)
}

// ok: casting a pointer or a reference variable is not a borrow made for the cast.
pub fn not_a_borrow(r: &u8, p: *const u8) -> (*const u8, *const u16) {
    (r as *const u8, p as *const u16)
}

// ok: a mutable borrow cast to `*const` changes mutability on purpose; a shared borrow cast to
// `*mut` is a different, worse problem (see invalid-ptr-cast).
pub fn mixed(x: &mut u8) -> *const u8 {
    &mut *x as *const u8
}

// A borrow that coerces to a raw pointer where one is expected: a typed `let`, a fn returning a
// pointer, a pointer parameter of a std function.
pub fn implicit(h: &mut Header, items: &mut [u32]) -> *const u32 {
    let p: *const u8 = &h.kind; //~ borrow-as-ptr
    // SAFETY: `h.len` is a live, aligned `u32`.
    let len = unsafe { core::ptr::read(&h.len) }; //~ borrow-as-ptr
    // SAFETY: the slice is initialized and dropped only here.
    unsafe { core::ptr::drop_in_place(&mut items[..]) }; //~ borrow-as-ptr
    let _ = (p, len);
    &h.len //~ borrow-as-ptr
}

// ok: a temporary has no place to borrow raw; a borrow where a reference is expected stays one.
pub fn not_coerced(h: &Header) -> (*const u32, usize) {
    let r: &u32 = &h.len;
    // SAFETY: the value is a live, aligned `u32`.
    let copy = unsafe { core::ptr::read(&(h.len + 1)) };
    (r as *const u32, copy as usize)
}

// A crate function's pointer parameter takes a borrow by coercion too.
/// Zeroes a byte.
///
/// # Safety
///
/// `p` must point to a live, writable byte.
unsafe fn zero(p: *mut u8) {
    // SAFETY: the caller guarantees `p` is valid for writes.
    unsafe { p.write(0) }
}

pub fn clear(h: &mut Header) {
    // SAFETY: `h.kind` is a live byte we hold exclusively.
    unsafe { zero(&mut h.kind) }; //~ borrow-as-ptr
}
