// Values handed out by iterators and slices (`for` over `iter_mut()`, `enumerate()`, `zip(..)`, a
// crate's own iterator; closures passed to `map`, `filter`, `fold`, `Option::map`; `get_unchecked`),
// type aliases with generics, associated types that impls name (`Self::Handle`), and `use ::core::..`
// where a module of the same name is in scope.

use std::cell::UnsafeCell;

pub struct Slot {
    value: UnsafeCell<u32>,
    next: *const Slot,
}

pub struct Holder {
    pub peek: *const u32,
}

impl Holder {
    /// # Safety
    /// `peek` must point to a live `u32`.
    pub unsafe fn read(&self) -> u32 {
        self.peek as usize as u32
    }

    pub fn read_safe(&self) -> u32 {
        0
    }
}

pub fn loops(slots: &mut [Slot], pointers: Vec<*mut u32>, others: &[*const u32]) {
    for slot in slots.iter_mut() {
        unsafe { *slot.value.get() = 0 }; //~ op
    }
    for (i, slot) in slots.iter().enumerate() {
        unsafe { *slot.value.get() = i as u32 }; //~ op
    }
    for (p, q) in pointers.iter().zip(others.iter()) {
        unsafe { **p = **q }; //~ op //~ op
    }
    for &p in others.iter().rev().skip(1) {
        let _ = unsafe { *p }; //~ op
    }
    for p in pointers.iter().copied() {
        unsafe { *p = 1 }; //~ op
    }
    let mut it = others.iter();
    while let Some(p) = it.next() {
        let _ = unsafe { **p }; //~ op
    }
    for slot in slots.iter() {
        let _ = slot.next; // a field of pointer type: reading it is safe
    }
}

pub fn closures(pointers: &[*mut u32], holders: &[Holder], maybe: Option<*const u32>) -> u32 {
    let sum: u32 = pointers.iter().map(|p| unsafe { **p }).sum(); //~ op
    let firsts = pointers.iter().filter(|p| unsafe { ***p } > 0).count(); //~ op
    let folded = pointers.iter().fold(0, |acc, p| acc + unsafe { **p }); //~ op
    let read = holders.iter().map(|h| unsafe { h.read() }).sum::<u32>(); //~ op
    let safe = holders.iter().map(|h| h.read_safe()).sum::<u32>();
    let mapped = pointers.iter().map(|p| *p).map(|p| unsafe { *p }).sum::<u32>(); //~ op
    let opt = maybe.map(|p| unsafe { *p }).unwrap_or(0); //~ op
    sum + firsts as u32 + folded + read + safe + mapped + opt
}

pub fn unchecked(slots: &[Slot], boxed: Box<[Slot]>, i: usize) -> u32 {
    let slot = unsafe { slots.get_unchecked(i) }; //~ op
    let first = unsafe { *slot.value.get() }; //~ op
    let other = unsafe { boxed.get_unchecked(i + 1) }; //~ op
    let second = unsafe { *other.value.get() }; //~ op
    let head = unsafe { slots.get_unchecked(..2) }; //~ op
    let third = unsafe { *head[0].value.get() }; //~ op
    first + second + third + slots.first().map_or(0, |s| unsafe { *s.value.get() }) //~ op
}

// ---- a crate's own iterator, through its `type Item`

pub struct Cursor {
    at: *const Slot,
}

impl Iterator for Cursor {
    type Item = *const Slot;

    fn next(&mut self) -> Option<*const Slot> {
        None
    }
}

pub fn walk(cursor: Cursor) -> u32 {
    let mut total = 0;
    for p in cursor {
        total += unsafe { *(*p).value.get() }; //~ op //~ op
    }
    total
}

pub fn walk_items(start: *const Slot) -> impl Iterator<Item = *const Slot> {
    Cursor { at: start }
}

pub fn walk_opaque(start: *const Slot) -> u32 {
    walk_items(start).map(|p| unsafe { *(*p).value.get() }).sum() //~ op //~ op
}

// ---- type aliases with generics

pub struct Node<T> {
    pub value: T,
    pub peek: *const T,
}

pub type NodePtr<T> = *mut Node<T>;
pub type Nodes = Vec<NodePtr<u32>>;
pub type ByteHolder = Holder;

pub fn aliased(p: NodePtr<u32>, all: &Nodes, h: &ByteHolder) -> u32 {
    let a = unsafe { (*p).value }; //~ op
    let b = unsafe { *(*all[0]).peek }; //~ op //~ op
    let c = unsafe { h.read() }; //~ op
    a + b + c
}

// ---- associated types named by impls

pub trait Parker {
    type Handle: Unpark;
    fn handle(&self) -> Self::Handle;
}

pub trait Unpark {
    /// # Safety
    /// Only once per park.
    unsafe fn unpark(self);
}

pub struct Handle;

impl Unpark for Handle {
    unsafe fn unpark(self) {}
}

pub struct ThreadParker;

impl Parker for ThreadParker {
    type Handle = Handle;
    fn handle(&self) -> Self::Handle {
        Handle
    }
}

pub fn unpark(parker: &ThreadParker) {
    let handle = parker.handle();
    unsafe { handle.unpark() }; //~ op
}

// ---- `::core` is the crate even where a module `core` is in scope

pub mod wrappers {
    #[allow(dead_code)]
    mod core {
        pub struct Wrapper;
    }

    use ::core::mem::transmute;

    pub fn cast(x: &u32) -> &i32 {
        unsafe { transmute(x) } //~ op
    }
}

// ---- enum variants' fields through patterns

pub enum Exec<T> {
    Slim(Holder),
    Fat { holder: Holder, extra: *const T },
    Empty,
}

impl<T> Exec<T> {
    pub fn run(&self) -> u32 {
        match self {
            Exec::Slim(h) => unsafe { h.read() }, //~ op
            Self::Fat { holder, extra } => unsafe { holder.read() + *(*extra as *const u32) }, //~ op //~ op
            Exec::Empty => 0,
        }
    }
}

pub fn run(e: Exec<u8>) -> u32 {
    if let Exec::Slim(ref h) = e {
        return unsafe { h.read() }; //~ op
    }
    0
}

// ---- a type written with its module path (`slot::Guard<T>`), beside a safe method of that name

pub mod slot {
    pub struct Entry<T> {
        pub t: T,
    }

    impl<T> Entry<T> {
        pub fn release(&self) -> bool {
            true
        }
    }

    pub struct Guard<T, C = u8> {
        pub entry: *const Entry<T>,
        pub c: C,
    }

    impl<T, C> Guard<T, C> {
        /// # Safety
        /// Only once.
        pub unsafe fn release(&self) -> bool {
            true
        }
    }
}

pub fn release<T>(g: &slot::Guard<T>, s: &self::slot::Entry<T>) -> bool {
    let released = unsafe { g.release() }; //~ op
    released && s.release()
}

// ---- a closure's parameter typed through the impl's associated type (`loom`'s API emulated)

pub trait UnsafeCellExt {
    type Value;

    fn with_mut<R, F>(&self, f: F) -> R
    where
        F: FnOnce(*mut Self::Value) -> R;
}

impl<T> UnsafeCellExt for UnsafeCell<T> {
    type Value = T;

    fn with_mut<R, F>(&self, f: F) -> R
    where
        F: FnOnce(*mut Self::Value) -> R,
    {
        f(self.get())
    }
}

pub fn emulated(cell: &UnsafeCell<u32>) {
    cell.with_mut(|p| unsafe { *p = 1 }); //~ op
}

// ---- a `match` arm's value read with the names its pattern binds

pub struct Listener {
    entry: Option<std::ptr::NonNull<Holder>>,
}

impl Listener {
    pub fn wait(&self, entry: u32) -> u32 {
        let taken = match self.entry {
            None => unreachable!("cannot wait twice"),
            Some(entry) => entry,
        };
        let _ = entry;
        unsafe { taken.as_ref().read() } //~ op //~ op
    }
}

// ---- an impl for another instance of a generic type does not apply (`impl Read for Arc<File>`)

pub struct Plain;
pub struct Special;

pub struct Wrapper<T> {
    pub inner: T,
}

impl Wrapper<Plain> {
    pub fn get(&self) -> u32 {
        0
    }
}

impl Wrapper<Special> {
    /// # Safety
    /// Never.
    pub unsafe fn get(&self) -> u32 {
        1
    }
}

pub fn instances(p: &Wrapper<Plain>, s: &Wrapper<Special>) -> u32 {
    p.get() + unsafe { s.get() } //~ op
}
