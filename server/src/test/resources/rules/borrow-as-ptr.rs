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

// ok: a temporary, a call, a method's result or a constant has no place that `&raw const` could
// take (`&raw const 0` is E0745); `&s().0` borrows a field of a temporary.
const LIMIT: u32 = 8;
pub struct Unit;

fn value() -> i32 {
    1
}

fn pair() -> (u8, u8) {
    (1, 2)
}

pub fn temporaries(v: &[usize]) -> (*const i32, *const i32, *const usize, *const u8, *const u32, *const Unit) {
    (&0 as *const i32, &value() as *const i32, &v.len() as *const usize, &pair().0 as *const u8,
     &LIMIT as *const u32, &Unit as *const Unit)
}

// ok: a borrow cast to a trait object pointer unsizes the value; clippy leaves it alone.
pub trait Shape {}
impl Shape for u8 {}

pub fn erased(x: &u8, mut y: u8) -> (*const dyn Shape, *mut (dyn Shape + 'static)) {
    (&*x as *const dyn Shape, &mut y as *mut (dyn Shape + 'static))
}

// A static, a local in a pattern, an index of a parameter and a parenthesized place are places.
static ORIGIN: u32 = 0;

pub fn places(items: &[u32], maybe: Option<(u8, u8)>) -> usize {
    let a = &ORIGIN as *const u32; //~ borrow-as-ptr
    let b = &items[1] as *const u32; //~ borrow-as-ptr
    let mut n = a as usize + b as usize;
    if let Some((first, _)) = maybe {
        n += &(first) as *const u8 as usize; //~ borrow-as-ptr
    }
    n
}

// ok: a target type named by an alias (clippy's `borrow_as_ptr` looks at the written `*const`).
pub type ConstWord = *const u64;

pub fn named_target(local: u64) -> u64 {
    let p = &local as ConstWord;
    // SAFETY: `p` points to `local`, alive here.
    unsafe { *p }
}
