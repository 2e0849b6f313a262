// A fn's generic parameters bound from the call's arguments (`pass(p)` is `p`'s type, `R` of
// `with<R>(.., f: impl FnOnce(*const T) -> R)` is what the closure returns, a module's fn returns
// what its signature says, not a type named after the module), and the closures of slice methods
// (`sort_by`). With std's sources (not in this test) `mem::replace`, `convert::identity` and
// `Result::map_or` (core bounds its closure `[const] FnOnce(T) -> U`) are typed the same way.

use std::cell::UnsafeCell;

pub struct Slot<T> {
    value: UnsafeCell<T>,
}

impl<T> Slot<T> {
    pub fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
        f(self.value.get())
    }

    pub fn with_bound<F, R>(&self, f: F) -> R
    where
        F: FnOnce(*mut T) -> R,
    {
        f(self.value.get())
    }
}

fn pass<T>(value: T) -> T {
    value
}

fn first<T>(a: T, _b: T) -> T {
    a
}

mod mem2 {
    pub fn replace<T>(dest: &mut T, src: T) -> T {
        core::mem::replace(dest, src)
    }
}

pub fn closure_results(slot: &Slot<u32>) -> u32 {
    let p = slot.with(|p| p);
    let q = slot.with_bound(|q| q);
    // the closure returns a reference: `r` is a `&u32`, and `*r` is safe
    let r = slot.with(|p| unsafe { &*p }); //~ op
    let copied = *r;
    // SAFETY: the slot outlives both pointers.
    unsafe { *p + *q + copied } //~ op //~ op
}

pub fn arguments(p: *const u8, x: &u8) -> u8 {
    let a = pass(p);
    let b = mem2::replace(&mut x.clone(), 0);
    let d = pass(x);
    let e = first(p, p);
    // SAFETY: the caller passes a valid pointer.
    unsafe { *a + b + *d + *e } //~ op //~ op
}

pub fn replaced(slot: &mut *const u8, other: *const u8) -> u8 {
    let old = self::mem2::replace(slot, other);
    // SAFETY: the caller passes valid pointers.
    unsafe { *old } //~ op
}

pub fn option_closure(o: Option<*const u8>) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    o.is_some_and(|p| unsafe { *p } == 1) as u8 //~ op
}

pub fn slice_closures(v: &mut Vec<*const u8>, s: &mut [*const u8]) {
    // SAFETY: the caller passes valid pointers.
    v.sort_by(|a, b| unsafe { (**a).cmp(&**b) }); //~ op //~ op
    // SAFETY: as above.
    s.sort_unstable_by_key(|p| unsafe { **p }); //~ op
    // SAFETY: as above.
    let _ = s.binary_search_by(|p| unsafe { (**p).cmp(&0) }); //~ op
    // the closure gets references to the elements: `*a` is a safe read of one
    s.sort_by(|a, b| (*a).cmp(b));
}
