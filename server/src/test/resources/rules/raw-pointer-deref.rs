// Every dereference of an expression the analysis knows is a raw pointer, where the `*` is (or
// the `(` of a parenthesised `(*p)`, as rustc reports it). Derefs it cannot prove to be of a raw
// pointer are left alone.

use std::cell::UnsafeCell;
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

pub struct Node {
    pub value: i32,
    pub next: *mut Node,
}

pub struct Shared {
    cell: UnsafeCell<u64>,
    slot: AtomicPtr<u8>,
}

/// # Safety
///
/// `p` must be valid for reads and writes, and `q` for reads.
pub unsafe fn params(p: *mut i32, q: *const i32) -> i32 {
    // SAFETY: the caller guarantees both pointers are valid.
    unsafe {
        *p = 1; //~ raw-pointer-deref
        *q //~ raw-pointer-deref
    }
}

pub fn locals() -> i32 {
    let mut x = 10;
    let typed: *mut i32 = &mut x;
    let cast = &x as *const i32;
    let raw = &raw const x;
    // SAFETY: all three point to the live local `x`, and no reference to `x` is alive.
    unsafe {
        *typed += 1; //~ raw-pointer-deref
        *cast + *raw //~ raw-pointer-deref //~ raw-pointer-deref
    }
}

pub fn from_std(v: &[u8]) -> u8 {
    let first = v.as_ptr();
    let (a, b) = (v.as_ptr(), v[1..].as_ptr());
    // SAFETY: callers pass at least two bytes; `first`, `a` and `b` point into `v`.
    unsafe { *first + *a + *b } //~ raw-pointer-deref //~ raw-pointer-deref //~ raw-pointer-deref
}

pub fn direct_cast(x: &u16) -> u16 {
    // SAFETY: `x` is a live reference; the cast keeps its address.
    unsafe { *(x as *const u16) } //~ raw-pointer-deref
}

pub fn null_is_still_a_pointer() -> bool {
    let p: *const u8 = ptr::null();
    if !p.is_null() {
        // SAFETY: the check above makes this unreachable for the null pointer.
        let _v = unsafe { *p }; //~ raw-pointer-deref
    }
    p.is_null()
}

/// # Safety
///
/// `head` must point to a live node, and so must every non-null `next` after it.
pub unsafe fn second_value(head: *mut Node) -> Option<i32> {
    // SAFETY: the caller guarantees that `head` is live.
    let next: *mut Node = unsafe { (*head).next }; //~ raw-pointer-deref
    if next.is_null() {
        return None;
    }
    // SAFETY: `next` is non-null, so by the caller's guarantee it is live.
    Some(unsafe { (*next).value }) //~ raw-pointer-deref
}

impl Node {
    /// # Safety
    ///
    /// `self.next` must point to a live node.
    pub unsafe fn next_value(&self) -> i32 {
        // SAFETY: the caller guarantees `next` is live.
        unsafe { (*self.next).value } //~ raw-pointer-deref
    }
}

impl Shared {
    pub fn bump(&self) -> u64 {
        // SAFETY: `Shared` is not `Sync`, so no other thread can touch the cell.
        unsafe {
            *self.cell.get() += 1; //~ raw-pointer-deref
            *self.cell.get() //~ raw-pointer-deref
        }
    }

    pub fn peek(&self) -> Option<u8> {
        let p = self.slot.load(Ordering::Acquire);
        // SAFETY: the slot only ever holds null or a pointer to a leaked byte.
        if p.is_null() { None } else { Some(unsafe { *p }) } //~ raw-pointer-deref
    }
}

pub trait Peek {
    fn peek(self) -> u8;
}

impl Peek for *const u8 {
    fn peek(self) -> u8 {
        // SAFETY: demo only: the trait is only used on pointers to live bytes.
        unsafe { *self } //~ raw-pointer-deref
    }
}

pub fn std_constructors(v: &mut [u8]) -> u8 {
    let boxed = Box::into_raw(Box::new(5_u8));
    let base = v.as_mut_ptr();
    let nothing = ptr::null_mut::<u8>();
    // SAFETY: `boxed` is a fresh allocation; `v` holds at least two bytes; `nothing` is checked.
    unsafe {
        *base.add(1) = *boxed; //~ raw-pointer-deref //~ raw-pointer-deref
        let first = &mut *base; //~ raw-pointer-deref
        *first += 1;
        drop(Box::from_raw(boxed));
        if nothing.is_null() { 0 } else { *nothing } //~ raw-pointer-deref
    }
}

pub fn double(pp: *const *const u8) -> u8 {
    // SAFETY: demo only: `pp` and `*pp` come from the caller's live data.
    unsafe { **pp } //~ raw-pointer-deref //~ raw-pointer-deref
}

pub fn in_closure(items: &[u32]) -> u32 {
    let read = |p: *const u32| {
        // SAFETY: the closure is only called with pointers into `items`.
        unsafe { *p } //~ raw-pointer-deref
    };
    read(items.as_ptr())
}

/// # Safety
///
/// `p` must be valid for reads.
pub unsafe fn without_block(p: *const u8) -> u8 {
    *p //~ raw-pointer-deref
}

// ok: dereferencing references, `Box`, smart pointers and plain values is safe.
pub fn safe_derefs(r: &i32, m: &mut i32, b: Box<i32>) -> i32 {
    *m += 1;
    let local = 5;
    let rr = &local;
    let s = String::from("x");
    *r + *m + *b + *rr + (*s).len() as i32
}

// ok: a shadowed name that no longer holds a pointer.
pub fn shadowed(v: &[u8]) -> u8 {
    let p = v.as_ptr();
    let _ = p;
    let p = &v[0];
    *p
}

// Pointers returned by the crate's own functions and methods, by their declared return types.
pub struct Pool {
    bytes: Vec<u8>,
}

impl Pool {
    pub fn base(&mut self) -> *mut u8 {
        self.bytes.as_mut_ptr()
    }
}

fn parts(v: &mut [u8]) -> (*mut u8, usize) {
    (v.as_mut_ptr(), v.len())
}

fn scratch() -> *const u8 {
    static SCRATCH: u8 = 0;
    &SCRATCH
}

pub fn from_crate_fns(pool: &mut Pool, v: &mut [u8]) -> u8 {
    let base = pool.base();
    let (start, len) = parts(v);
    let s = scratch();
    // SAFETY: the pool and `v` are non-empty (callers check); `scratch` points to a static.
    unsafe {
        *base = 1; //~ raw-pointer-deref
        if len > 0 {
            *start = 2; //~ raw-pointer-deref
        }
        *s //~ raw-pointer-deref
    }
}

// `UnsafeCell::get` and `NonNull::as_ptr` give raw pointers, whether the cell or `NonNull` is a
// field, a parameter or a local of declared type.
pub fn cells_and_non_null(cell: &UnsafeCell<u32>, nn: ptr::NonNull<u32>, slot: &AtomicPtr<u32>) -> u32 {
    let (a, b) = (cell.get(), nn.as_ptr());
    // SAFETY: callers pass a cell nothing else borrows, and a valid, unaliased `nn`.
    unsafe {
        *cell.get() = 1; //~ raw-pointer-deref
        *nn.as_ptr() += 1; //~ raw-pointer-deref
        *a += *b; //~ raw-pointer-deref //~ raw-pointer-deref
        *slot.load(Ordering::Acquire) //~ raw-pointer-deref
    }
}

// ok: `ManuallyDrop<*mut u8>` is not a pointer; `*` derefs the wrapper (safe) to the pointer.
pub struct Wrapped {
    p: core::mem::ManuallyDrop<*mut u8>,
}

impl Wrapped {
    pub fn inner(&self) -> *mut u8 {
        *self.p
    }
}

// A guard that gives its pointer away: `ManuallyDrop::new(this)` keeps `this`'s type for field
// access (through Deref), and `self.clone()` is a `Self`.
pub struct Guard {
    data: *mut u32,
    lock: u32,
}

impl Clone for Guard {
    fn clone(&self) -> Guard {
        Guard { data: self.data, lock: self.lock }
    }
}

impl Guard {
    pub fn leak(this: Self) -> u32 {
        let this = core::mem::ManuallyDrop::new(this);
        // SAFETY: the guard's pointer stays valid for as long as the lock is held.
        unsafe { *this.data } //~ raw-pointer-deref
    }

    pub fn peek(&self) -> u32 {
        let copy = self.clone();
        // SAFETY: as above.
        unsafe { *copy.data } //~ raw-pointer-deref
    }
}


// A field of a pointer's pointee that is itself a pointer: `(*outer).inner` is known from `Outer`.
pub struct Inner {
    pub value: u32,
}

pub struct Outer {
    pub inner: *mut Inner,
}

pub fn through_two(outer: *mut Outer) -> u32 {
    // SAFETY: callers pass a valid `Outer` whose `inner` is valid too.
    unsafe { (*(*outer).inner).value } //~ raw-pointer-deref //~ raw-pointer-deref
}

// A local copied from a field has the field's declared type (here through a reference).
pub struct Lock {
    data: UnsafeCell<u32>,
}

pub struct LockGuard<'a> {
    inner: &'a Lock,
}

impl<'a> LockGuard<'a> {
    pub fn get(&self) -> u32 {
        let inner = self.inner;
        // SAFETY: the guard holds the lock, so nobody else touches the data.
        unsafe { *inner.data.get() } //~ raw-pointer-deref
    }
}

// Hygiene (macro_rules! is mixed-site): a local the macro's own text binds is not the caller's
// local of the same name, in either direction.
macro_rules! read_shadowing {
    ($e:expr) => {{
        let x: *const u32 = core::ptr::null();
        let _unused = x;
        *$e
    }};
}

/// # Safety
/// None needed: the `*x` passed in dereferences the caller's reference, not the macro's pointer.
pub unsafe fn caller_reference_is_not_the_macro_pointer(x: &u32) -> u32 {
    read_shadowing!(x)
}

macro_rules! read_after_counter {
    ($e:expr) => {{
        let p: usize = 0;
        let _unused = p;
        *$e
    }};
}

/// # Safety
/// `p` must be valid for reads.
pub unsafe fn caller_pointer_is_not_the_macro_counter(p: *const u32) -> u32 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { read_after_counter!(p) } //~ raw-pointer-deref
}

macro_rules! declare_pointer {
    () => {
        let q: *const u32 = core::ptr::null();
        let _unused = q;
    };
}

/// # Safety
/// None needed: `q` after the call is still the caller's reference.
pub unsafe fn statement_binding_does_not_shadow_the_callers(q: &u32) -> u32 {
    declare_pointer!();
    *q
}

macro_rules! read_own_pointer {
    ($e:expr) => {{
        let own: *const u32 = $e;
        *own
    }};
}

pub fn macro_own_local_is_still_its_pointer(r: &u32) -> u32 {
    // SAFETY: `r` is a valid reference.
    unsafe { read_own_pointer!(r) } //~ raw-pointer-deref
}

macro_rules! bind_callers_name {
    ($name:ident, $e:expr) => {
        let $name: *const u32 = $e;
    };
}

/// # Safety
/// None needed: `s` points to `r`.
pub unsafe fn name_passed_in_binds_for_the_caller(r: &u32) -> u32 {
    bind_callers_name!(s, r);
    // SAFETY: `s` points to `r`.
    unsafe { *s } //~ raw-pointer-deref
}
