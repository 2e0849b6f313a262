// Closure parameters typed by the signature of the fn or method they are passed to, trait methods
// through generic bounds and supertraits, and method results with the impl's generics bound.

use std::cell::UnsafeCell;

pub struct Cell2<T> {
    value: UnsafeCell<T>,
}

impl<T> Cell2<T> {
    pub fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
        f(self.value.get())
    }

    pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
        f(self.value.get())
    }
}

pub struct Data {
    pub count: usize,
}

fn with_data<T>(f: impl FnOnce(&Data) -> T) -> T {
    f(&Data { count: 0 })
}

pub trait Raw {
    /// # Safety
    /// Only while held.
    unsafe fn release(&self);
}

pub trait RawFair: Raw {
    /// # Safety
    /// Only while held.
    unsafe fn release_fair(&self);
}

pub struct Holder<R> {
    raw: R,
    cell: Cell2<usize>,
}

impl<R: RawFair> Holder<R> {
    pub fn both(&self) {
        unsafe { self.raw.release_fair() }; //~ op
        unsafe { self.raw.release() }; //~ op
    }

    pub fn count(&self) -> usize {
        let read = self.cell.with(|p| unsafe { *p }); //~ op
        self.cell.with_mut(|p| unsafe { *p += 1 }); //~ op
        read + with_data(|d| d.count)
    }
}

pub fn generic_where<T>(t: &T)
where
    T: RawFair,
{
    unsafe { t.release() } //~ op
}

/// A cell whose accessors take the closure as a generic parameter bounded by a `Fn` trait (as
/// loom's and sharded-slab's do): the closure's parameter gets the bound's argument type.
pub struct BoundCell<T> {
    inner: core::cell::UnsafeCell<T>,
}

impl<T> BoundCell<T> {
    pub fn with<F, R>(&self, f: F) -> R
    where
        F: FnOnce(*const T) -> R,
    {
        f(self.inner.get())
    }

    pub fn with_mut<F: FnOnce(*mut T) -> R, R>(&self, f: F) -> R {
        f(self.inner.get())
    }
}

pub fn through_bounds(cell: &BoundCell<usize>) -> usize {
    // SAFETY: no other reference to the value exists while the closure runs.
    let read = cell.with(|p| unsafe { *p }); //~ op
    // SAFETY: as above.
    cell.with_mut(|p| unsafe { *p = read + 1 }); //~ op
    read
}
