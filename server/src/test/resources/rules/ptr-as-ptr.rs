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

// The mutability of `.as_ptr()` depends on its receiver: slices, `Vec` and `str` give `*const`,
// `NonNull`, `Cell` and `RefCell` give `*mut`.
pub struct Holder {
    nn: std::ptr::NonNull<u8>,
    cell: std::cell::Cell<u32>,
    buf: Vec<u8>,
    other: Opaque,
}

pub struct Opaque;

impl Holder {
    pub fn receivers(&self) {
        let _ = self.nn.as_ptr() as *mut u16; //~ ptr-as-ptr
        let _ = self.cell.as_ptr() as *mut u16; //~ ptr-as-ptr
        let _ = self.buf.as_ptr() as *const u16; //~ ptr-as-ptr
        // ok: `NonNull::as_ptr` and `Cell::as_ptr` are `*mut`, so these casts change the mutability
        // (and `.cast::<u16>()` would give a `*mut u16`).
        let _ = self.nn.as_ptr() as *const u16;
        let _ = self.cell.as_ptr() as *const u16;
    }
}

pub fn typed_receivers(nn: std::ptr::NonNull<u32>, cell: &std::cell::RefCell<u8>, s: &str, v: &[u8]) {
    let _ = nn.as_ptr() as *mut u8; //~ ptr-as-ptr
    let _ = s.as_ptr() as *const i8; //~ ptr-as-ptr
    let _ = v[1..].as_ptr() as *const u16; //~ ptr-as-ptr
    let _ = "text".as_ptr() as *const i8; //~ ptr-as-ptr
    // ok: mutability changes.
    let _ = nn.as_ptr() as *const u8;
    let _ = cell.as_ptr() as *const i8;
}

// ok: the receiver's type is unknown, so the mutability of its `as_ptr` is too.
pub fn unknown_receiver<T: AsPtr>(t: T, o: &Opaque) {
    let _ = t.as_ptr() as *const u16;
    let _ = o.as_ptr() as *const u16;
}

pub trait AsPtr {
    fn as_ptr(&self) -> *const u8;
}

impl Opaque {
    pub fn as_ptr(&self) -> *mut u8 {
        std::ptr::null_mut()
    }
}

// Pointers bound from tuples, and from std and crate functions with documented signatures.
pub struct Triple {
    data: [u32; 4],
}

impl Triple {
    fn triple_mut(&mut self) -> (*mut u32, &mut usize, usize) {
        unimplemented!()
    }

    fn start(&self) -> *const u32 {
        self.data.as_ptr()
    }

    pub fn tuples(&mut self, x: &[u8], y: &[u8]) {
        let (px, py) = (x.as_ptr(), y.as_ptr());
        let _ = (px as *const u32, py as *const u16); //~ ptr-as-ptr //~ ptr-as-ptr
        let (ptr, _len, _cap) = self.triple_mut();
        let _ = ptr as *mut u8; //~ ptr-as-ptr
        let _ = ptr as *const u8; // ok: mutability changes
        let _ = self.start() as *const u8; //~ ptr-as-ptr
    }
}

pub fn std_functions() {
    let _ = Box::into_raw(Box::new(1u32)) as *mut u8; //~ ptr-as-ptr
    let _ = std::ptr::null_mut::<u32>() as *mut u8; //~ ptr-as-ptr
    let _ = std::ptr::null::<u32>() as *const u8; //~ ptr-as-ptr
    let _ = std::ptr::null::<u32>() as *mut u8; // ok: mutability changes
    let _ = Box::into_raw(Box::new(1u32)) as *const u8; // ok: mutability changes
}

// `as _` takes its type from where the value goes: the declared return type (for the tail
// expression or a `return`) or a `let`'s declared type. `.cast()` infers the same pointee.
pub struct Inferred {
    xs: [u32; 4],
}

impl Inferred {
    pub fn tail(&self) -> *const u8 {
        self.xs.as_ptr() as _ //~ ptr-as-ptr
    }

    pub fn through_block(&mut self) -> *mut u8 {
        { self.xs.as_mut_ptr() as _ } //~ ptr-as-ptr
    }

    pub fn early(&self, first: bool) -> *const u16 {
        if first {
            return self.xs.as_ptr() as _; //~ ptr-as-ptr
        }
        std::ptr::null()
    }

    // ok: the mutability changes, the target is an integer, or the `return` leaves a closure.
    pub fn changes_mutability(&self) -> *mut u8 {
        self.xs.as_ptr() as _
    }

    pub fn address(&self) -> usize {
        self.xs.as_ptr() as _
    }

    pub fn in_closure(&self) -> *const u8 {
        let f = || {
            return self.xs.as_ptr() as _;
        };
        let _: *const u16 = f();
        std::ptr::null()
    }
}

pub fn typed_let(v: &[u8]) {
    let p = v.as_ptr();
    let _q: *const u16 = p as _; //~ ptr-as-ptr
    let _r: *mut u16 = p as _; // ok: mutability changes
}

// ok: `T` may be unsized, and `.cast()` needs a sized pointee.
pub fn maybe_unsized<T: ?Sized>(p: *const u8) -> *const T {
    p as _
}

// An argument at a pointer parameter of a std function takes that parameter's type.
pub fn std_arguments(shared: *mut Inferred, src: *const u32, dst: *mut u32) -> u64 {
    let _slot = std::sync::atomic::AtomicPtr::<u8>::new(shared as _); //~ ptr-as-ptr
    // SAFETY: callers pass `src` valid for reading 8 bytes and `dst` for writing 8.
    unsafe {
        core::ptr::copy_nonoverlapping(src as _, dst as _, 2); //~ ptr-as-ptr //~ ptr-as-ptr
        core::ptr::write(src as _, 0u64); // ok: `write` takes `*mut`, the mutability changes
        core::ptr::read(src as _) //~ ptr-as-ptr
    }
}

// `MaybeUninit::as_ptr` gives `*const`, also through `ManuallyDrop` (method calls deref through it).
pub struct Slot {
    value: core::mem::ManuallyDrop<core::mem::MaybeUninit<u64>>,
}

impl Slot {
    pub fn bytes(&self) -> *const u8 {
        self.value.as_ptr() as *const u8 //~ ptr-as-ptr
    }
}

// ok: the pointee names a type parameter declared `?Sized`, so it may be unsized; `.cast()` needs a
// sized one.
pub struct Header<T: ?Sized> {
    pub count: usize,
    pub value: T,
}

pub struct Holder<T: ?Sized>(core::marker::PhantomData<T>);

impl<T: ?Sized> Holder<T> {
    pub fn header_of(value: &T) -> *const Header<T> {
        core::ptr::from_ref(value) as *const Header<T>
    }
}

pub fn header_where<T>(value: &T) -> *const Header<T>
where
    T: ?Sized,
{
    core::ptr::from_ref(value) as *const Header<T>
}

// A crate function's pointer parameter is the expected type of an argument `p as _`.
pub struct Shared {
    pub refs: usize,
}

fn release(shared: *mut Shared) -> usize {
    // SAFETY: callers pass a live `Shared`.
    unsafe { (*shared).refs }
}

pub fn drop_shared(data: *mut u8) -> usize {
    release(data as _) //~ ptr-as-ptr
}

// ok: a parameter of a type parameter's pointer may be unsized.
fn first<T>(p: *const T) -> *const T {
    p
}

pub fn generic_target(p: *const u8) -> *const u16 {
    first(p as _) as *const u16 //~ ptr-as-ptr
}

// Where nothing gives `_` its type, `.cast()` on the inner cast would not compile (E0282): the
// inner `as *const _` is left alone, and the outer cast is reported with a fix that starts from
// `p` itself (`p.cast::<u32>()`), or from the borrowed place (`(&raw mut v).cast::<u8>()`).
pub fn inferred_nowhere(p: *const u8) -> *const u32 {
    p as *const _ as *const u32 //~ ptr-as-ptr
}

pub fn through_a_borrow(v: &mut u64) -> *mut u8 {
    &mut *v as *mut _ as *mut u8 //~ ptr-as-ptr //~ borrow-as-ptr
}

// ok: a target type named by an alias or an associated type (clippy's `ptr_as_ptr` looks at the
// written `*const`/`*mut`, and `.cast()` could not name the pointee any better); an operand whose
// alias names a pointer is a pointer all the same.
pub type Words = *const u32;
pub type Bytes = *const u8;

pub fn named_target(p: *const u8) -> Words {
    p as Words
}

pub fn named_operand(p: Bytes) -> *const u16 {
    p as *const u16 //~ ptr-as-ptr
}
