// The type model follows values through fields, method and fn results, statics and patterns.
// A line ending in one marker per unsafe operation (slash slash tilde op) holds that many; rustc agrees
// (TypeModelRustcTest compiles this file with the `unsafe` of every block removed).

use std::cell::{Cell, UnsafeCell};
use std::sync::atomic::{AtomicPtr, Ordering};

pub struct Node {
    pub key: usize,
    pub next: Cell<*const Node>,
}

pub struct Queue {
    head: Cell<*const Node>,
}

pub struct Mutex<T> {
    data: UnsafeCell<T>,
}

pub struct Guard<'a, T> {
    mutex: &'a Mutex<T>,
}

pub trait RawLock {
    /// # Safety
    /// The lock must be held.
    unsafe fn unlock(&self);
    fn is_locked(&self) -> bool;
}

pub struct Lock<R> {
    raw: R,
}

pub union Bits {
    pub int: u32,
    pub float: f32,
}

static TABLE: AtomicPtr<Queue> = AtomicPtr::new(std::ptr::null_mut());

fn queue() -> &'static Queue {
    loop {}
}

fn pair() -> (*mut u8, usize) {
    (std::ptr::null_mut(), 0)
}

impl Queue {
    pub fn first_key(&self) -> usize {
        let current = self.head.get();
        unsafe { (*current).key } //~ op
    }

    pub fn second_key(&self) -> usize {
        unsafe { (*(*self.head.get()).next.get()).key } //~ op //~ op
    }
}

impl<T> Guard<'_, T> {
    pub fn get(&self) -> &T {
        unsafe { &*self.mutex.data.get() } //~ op
    }
}

impl<R: RawLock> Lock<R> {
    pub fn release(&self) {
        unsafe { self.raw.unlock() } //~ op
    }

    pub fn locked(&self) -> bool {
        self.raw.is_locked()
    }
}

pub fn through_a_static() -> usize {
    let table = TABLE.load(Ordering::Acquire);
    let q = unsafe { &*table }; //~ op
    let node = q.head.get();
    unsafe { (*node).key } //~ op
}

pub fn through_fn_results() -> u8 {
    let node = queue().head.get();
    let (bytes, _len) = pair();
    unsafe { (*node).key as u8 + *bytes } //~ op //~ op
}

pub fn through_patterns(nodes: &[(*const Node, usize)], maybe: Option<&Queue>) -> usize {
    let mut total = 0;
    for (node, _) in nodes {
        total += unsafe { (**node).key }; //~ op
    }
    if let Some(q) = maybe {
        total += unsafe { (*q.head.get()).key }; //~ op
    }
    total
}

pub fn union_reads_and_writes(mut b: Bits) -> u32 {
    b.int = 1; // a write to a union field is safe
    let copy = b;
    unsafe { copy.int } //~ op
}

pub fn references_are_not_pointers(n: &Node, q: &Queue) -> usize {
    let r = &q.head;
    n.key + *(&n.key) + r.get() as usize
}
