// Every call the analysis can resolve to an unsafe function or method, where the call expression
// starts (for a method call: at its receiver). Resolution follows `use` imports and the module
// tree, not bare names; calls it cannot resolve are left alone.

// ---- NonNull receivers (a field, parameter or local declared `NonNull<..>`) ----
// `NonNull::as_ref`, `as_mut`, `add`, `read`, `write`, ... are `unsafe fn`s; `as_ptr` and `cast` are safe.

pub struct NonNullHolder {
    vec: core::ptr::NonNull<Vec<u8>>,
}

impl NonNullHolder {
    pub fn calls(&mut self) -> usize {
        let _safe = self.vec.as_ptr(); // ok: safe
        // SAFETY: `vec` points to a live Vec that nothing else borrows.
        let v = unsafe { self.vec.as_mut() }; //~ unsafe-call
        v.len()
    }

    pub fn copied(&self) -> usize {
        let vec = self.vec;
        // SAFETY: `vec` points to a live Vec.
        unsafe { vec.as_ref() }.len() //~ unsafe-call
    }
}

pub fn non_null_calls(p: core::ptr::NonNull<u32>, q: core::ptr::NonNull<u32>) {
    let built = core::ptr::NonNull::dangling();
    // SAFETY: the fixture only needs the calls to be written.
    unsafe {
        let _ = p.read(); //~ unsafe-call
        q.write(1); //~ unsafe-call
        let _ = p.add(1); //~ unsafe-call
        let _ = q.offset_from(p); //~ unsafe-call
        p.copy_to_nonoverlapping(q, 1); //~ unsafe-call
        let _: &u32 = built.as_ref(); //~ unsafe-call
    }
    let _ = p.cast::<u8>(); // ok: safe
    let unwrapped = core::ptr::NonNull::new(p.as_ptr()).unwrap();
    // SAFETY: `p` is valid for reads.
    let _ = unsafe { unwrapped.read() }; //~ unsafe-call
    // ok: `NonNull::new` gives an `Option`, whose `as_ref` is safe.
    let maybe = core::ptr::NonNull::new(p.as_ptr());
    let _ = maybe.as_ref();
}

// ---- end of NonNull receivers ----

use std::ffi::{c_char, CStr};
use std::mem::transmute as reinterpret;
use std::ptr;

extern "C" {
    fn strlen(s: *const c_char) -> usize;
}

/// Adds one through a pointer.
///
/// # Safety
///
/// `p` must be valid for reads and writes.
pub unsafe fn bump(p: *mut u32) {
    // SAFETY: the caller guarantees `p` is valid.
    unsafe { *p += 1 }
}

mod raw {
    /// # Safety
    ///
    /// `len` must not exceed the buffer's capacity.
    pub unsafe fn set_len(v: &mut Vec<u8>, len: usize) {
        // SAFETY: the caller guarantees `len` is within capacity and the bytes are initialised.
        unsafe { v.set_len(len) } //~ unsafe-call
    }

    pub mod inner {
        pub fn truncate_all(v: &mut Vec<u8>) {
            // SAFETY: zero never exceeds the capacity and leaves nothing uninitialised.
            unsafe { super::set_len(v, 0) } //~ unsafe-call
        }
    }

    pub fn clear(v: &mut Vec<u8>) {
        // SAFETY: as above, zero is always a valid length.
        unsafe { self::set_len(v, 0) } //~ unsafe-call
    }
}

mod checked {
    // ok (below): a safe fn with the same name as the unsafe one in `raw`.
    pub fn set_len(v: &mut Vec<u8>, len: usize) {
        v.truncate(len);
    }
}

pub struct Counter {
    n: u32,
}

impl Counter {
    // ok (below): a safe method named like the unsafe pointer method `add`.
    pub fn add(&mut self, k: u32) -> u32 {
        self.n += k;
        self.n
    }

    /// # Safety
    ///
    /// The counter must not be shared with another thread.
    pub unsafe fn reset_unsynchronised(&mut self) {
        self.n = 0;
    }
}

pub fn std_functions(bytes: &[u8], word: u32) -> (u8, f32, f32) {
    let p = bytes.as_ptr();
    // SAFETY: `bytes` is not empty (callers check), so `p` is valid for one read.
    let first = unsafe { ptr::read(p) }; //~ unsafe-call
    // SAFETY: any 32-bit pattern is a valid `f32`.
    let f = unsafe { core::mem::transmute::<u32, f32>(word) }; //~ unsafe-call
    // SAFETY: same as above, through the renamed import.
    let g: f32 = unsafe { reinterpret(word) }; //~ unsafe-call
    (first, f, g)
}

pub fn std_methods(v: &mut Vec<u8>, s: &[u32]) -> u32 {
    let p = v.as_mut_ptr();
    // SAFETY: `v` holds at least two bytes and `s` at least one element (callers check).
    unsafe {
        p.add(1).write(0); //~ unsafe-call //~ unsafe-call
        *s.get_unchecked(0) //~ unsafe-call
    }
}

pub fn multi_line_method(s: &[u32]) -> u32 {
    // SAFETY: the index is checked against the length first.
    unsafe {
        if s.len() > 2 {
            *s //~ unsafe-call
                .get_unchecked(2)
        } else {
            0
        }
    }
}

pub fn foreign_and_local(c: &CStr, counter: &mut Counter) -> usize {
    let mut x = 1_u32;
    // SAFETY: `x` is a live local.
    unsafe { bump(&mut x) }; //~ unsafe-call
    // SAFETY: `counter` is borrowed mutably, so nobody else sees it.
    unsafe { counter.reset_unsynchronised() }; //~ unsafe-call
    // SAFETY: a `CStr` is always NUL-terminated.
    let n = unsafe { strlen(c.as_ptr()) }; //~ unsafe-call
    n + c.to_bytes().len()
}

pub fn nested_fn_item() -> u8 {
    // SAFETY: `read_first` is given a pointer to a live array.
    let v = unsafe { read_first(&[9, 8]) }; //~ unsafe-call
    unsafe fn read_first(p: *const [u8; 2]) -> u8 {
        unsafe { (*p)[0] }
    }
    v
}

// ok: safe calls, including safe fns and methods with the names of unsafe ones elsewhere.
pub fn safe_calls(v: &mut Vec<u8>, counter: &mut Counter) -> u32 {
    checked::set_len(v, 1);
    let total = counter.add(2);
    let a = 2_u32;
    let sum = std::ops::Add::add(a, 3);
    let p: *const u8 = ptr::null();
    let same = ptr::eq(p, p);
    let (mut lo, mut hi) = (v.len(), 0);
    std::mem::swap(&mut lo, &mut hi);
    let boxed = Box::new(5);
    let raw = Box::into_raw(boxed);
    // SAFETY: `raw` came from `Box::into_raw` just above.
    drop(unsafe { Box::from_raw(raw) }); //~ unsafe-call
    total + sum + same as u32 + (lo + hi) as u32
}

#[cfg(target_arch = "x86_64")]
pub mod simd {
    use std::arch::x86_64::{__m256, _mm256_add_ps, _mm256_loadu_ps};

    pub fn add(a: __m256, b: __m256) -> __m256 {
        // SAFETY: callers only use this module after checking `is_x86_feature_detected!("avx")`.
        unsafe { _mm256_add_ps(a, b) } //~ unsafe-call
    }

    // ok: inside a fn that enables the target feature, the value-only intrinsic is a safe call.
    #[target_feature(enable = "avx")]
    pub fn add_enabled(a: __m256, b: __m256) -> __m256 {
        _mm256_add_ps(a, b)
    }

    /// # Safety
    ///
    /// AVX must be available and `p` valid for reading eight `f32`s.
    #[target_feature(enable = "avx")]
    pub unsafe fn load(p: *const f32) -> __m256 {
        // SAFETY: the caller guarantees `p` is valid; loads through pointers stay unsafe.
        unsafe { _mm256_loadu_ps(p) } //~ unsafe-call
    }
}

// ok: `env::set_var` only became unsafe in edition 2024; this fixture is edition 2021.
pub fn configure() {
    std::env::set_var("RUST_LOG", "info");
}

// ---------------------------------------------------------------------------------------------
// Calls through `unsafe fn` pointers: calling a value whose declared type is `unsafe fn(..)`
// (written out, or through a type alias of the crate) needs `unsafe` too.

type UnsafeHook = unsafe fn(u8) -> u8;
type ExternHook = unsafe extern "C" fn(*const u8) -> usize;
type SafeHook = fn(u8) -> u8;

pub struct Hooks {
    run: unsafe fn(u8) -> u8,
    via_alias: UnsafeHook,
    safe: fn(u8) -> u8,
    safe_alias: SafeHook,
    maybe: Option<unsafe fn(u8) -> u8>,
}

pub struct HookFn(UnsafeHook);

pub struct Table {
    hooks: &'static Hooks,
}

impl Hooks {
    pub fn call_all(&self, x: u8) -> u8 {
        // SAFETY: the hooks are only installed with functions that accept any byte.
        let a = unsafe { (self.run)(x) }; //~ unsafe-call
        // SAFETY: as above.
        let b = unsafe { (self.via_alias)(x) }; //~ unsafe-call
        // ok: safe fn pointers, written out and through an alias.
        let c = (self.safe)(x) + (self.safe_alias)(x);
        // ok: an `Option<unsafe fn>` cannot be called directly; `map` calls a closure.
        let d = self.maybe.map(|f| f as usize).unwrap_or(0) as u8;
        a + b + c + d
    }
}

impl HookFn {
    pub fn call(&self, x: u8) -> u8 {
        // SAFETY: `HookFn` is only built from hooks that accept any byte.
        unsafe { (self.0)(x) } //~ unsafe-call
    }
}

impl Table {
    pub fn first(&self, x: u8) -> u8 {
        // SAFETY: as above; `run` is an `unsafe fn` field wherever it is declared in this crate.
        unsafe { (self.hooks.run)(x) } //~ unsafe-call
    }
}

pub fn call_hooks(h: &Hooks, f: unsafe fn(u8) -> u8, g: UnsafeHook, e: ExternHook, s: SafeHook) -> usize {
    // SAFETY: callers pass hooks that accept any byte and a NUL-terminated string.
    let n = unsafe { f(1) + g(2) } as usize; //~ unsafe-call //~ unsafe-call
    // SAFETY: as above.
    let m = unsafe { e(b"x\0".as_ptr()) }; //~ unsafe-call
    // SAFETY: as above, through a field of a parameter.
    let k = unsafe { (h.via_alias)(3) } as usize; //~ unsafe-call
    let local: unsafe fn(u8) -> u8 = f;
    // SAFETY: as above, through a typed local.
    let l = unsafe {
        local(4) //~ unsafe-call
    } as usize;
    let with_closure = |hook: UnsafeHook| {
        // SAFETY: as above, through a typed closure parameter.
        unsafe { hook(5) } //~ unsafe-call
    };
    // ok: safe fn pointers.
    let safe: fn(u8) -> u8 = s;
    n + m + k + l + with_closure(g) as usize + safe(6) as usize + s(7) as usize
}

// ok: a tuple of fn pointers is not one; its fields are not looked up by name.
pub fn tuple_of_pointers(pair: (fn(u8) -> u8, u8)) -> u8 {
    (pair.0)(pair.1)
}

// ---------------------------------------------------------------------------------------------
// Slice methods that are unsafe only on slices: `align_to` and `align_to_mut`, when the receiver
// is declared a slice, an array or a `Vec` (`Layout::align_to` of the same name is safe).

pub fn realign(vals: &[u32], buf: &mut [u8], arr: [u16; 4], v: &Vec<u8>) -> usize {
    // SAFETY: every bit pattern is a valid `u8`.
    let (a, _, _) = unsafe { vals.align_to::<u8>() }; //~ unsafe-call
    // SAFETY: every bit pattern is a valid `u16`, and `u8`s are valid `u16` halves.
    let (b, _, _) = unsafe { buf.align_to_mut::<u16>() }; //~ unsafe-call
    // SAFETY: as above.
    let (c, _, _) = unsafe { arr.align_to::<u8>() }; //~ unsafe-call
    // SAFETY: as above, through `Vec`'s dereference to a slice.
    let (d, _, _) = unsafe { v.align_to::<u8>() }; //~ unsafe-call
    a.len() + b.len() + c.len() + d.len()
}

// ok: `Layout::align_to` is safe, and a receiver of unknown type is not guessed at.
pub fn layout_align(layout: std::alloc::Layout, sizes: &[usize]) -> usize {
    let padded = layout.align_to(16).map(|l| l.size()).unwrap_or(0);
    let first = sizes.first().copied().unwrap_or(1);
    let unknown = std::alloc::Layout::from_size_align(first, 1).unwrap();
    padded + unknown.align_to(8).map(|l| l.size()).unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// `self.m(..)` where methods named `m` differ in safety across the crate: the methods of the impl's
// own type in the same module decide (one module cannot have two types of the same name).

mod fast {
    pub struct Finder;

    impl Finder {
        /// # Safety
        ///
        /// The CPU must support the instructions this uses.
        unsafe fn find_impl(&self, hay: &[u8]) -> usize {
            hay.len()
        }

        pub fn find(&self, hay: &[u8]) -> usize {
            // SAFETY: `Finder` is only built after the CPU check.
            unsafe { self.find_impl(hay) } //~ unsafe-call
        }
    }

    pub struct Other;

    impl Other {
        // ok (below): a safe method of the same name on another type of the same module.
        fn find_impl(&self, hay: &[u8]) -> usize {
            hay.len() + 1
        }

        pub fn find(&self, hay: &[u8]) -> usize {
            self.find_impl(hay)
        }
    }
}

mod portable {
    pub struct Finder;

    impl Finder {
        // ok (below): the portable twin's `find_impl` is safe.
        fn find_impl(&self, hay: &[u8]) -> usize {
            hay.len()
        }

        pub fn find(&self, hay: &[u8]) -> usize {
            self.find_impl(hay)
        }
    }
}

mod raw_handles {
    use std::fs::File;
    use std::os::unix::io::{FromRawFd, RawFd};

    pub fn adopt(fd: RawFd) -> File {
        // `from_raw_fd` is the unsafe method of the trait `FromRawFd`, whatever type implements it.
        unsafe { File::from_raw_fd(fd) } //~ unsafe-call
    }

    pub fn adopt_through_the_trait(fd: RawFd) -> File {
        unsafe { <File as FromRawFd>::from_raw_fd(fd) } //~ unsafe-call
    }
}

// ---- calls that a crate macro writes: reported at the macro call, naming the macro ----
mod sys {
    pub unsafe fn close(_fd: i32) -> i32 {
        0
    }
}

macro_rules! syscall {
    ($fn: ident ( $($arg: expr),* $(,)* ) ) => {{
        #[allow(unused_unsafe)]
        let res = unsafe { crate::sys::$fn($($arg, )*) };
        if res == -1 { Err(()) } else { Ok(res) }
    }};
}

pub fn close_fd(fd: i32) -> Result<i32, ()> {
    syscall!(close(fd)) //~ unsafe-call
}

macro_rules! t {
    ($e:expr) => {
        $e
    };
}

pub fn argument_keeps_its_place(fd: i32) -> i32 {
    // SAFETY: closing a descriptor we own.
    t!(unsafe { sys::close(fd) }) //~ unsafe-call
}

macro_rules! fd_methods {
    ($($name:ident => $f:ident),*) => {
        $(
            /// Closes the descriptor.
            fn $name(&self) -> i32 {
                // SAFETY: the value owns its descriptor.
                unsafe { sys::$f(self.fd()) }
            }
        )*
    };
}

pub struct Fd {
    fd: i32,
}

impl Fd {
    fn fd(&self) -> i32 {
        self.fd
    }

    fd_methods! { close_now => close } //~ unsafe-call
}

pub trait Closer {
    fn fd(&self) -> i32;

    fd_methods!(close_default => close, close_again => close); //~ unsafe-call //~ unsafe-call
}

mod matches_operands {
    unsafe fn code() -> i32 {
        0
    }

    pub fn scrutinee(x: i32) -> bool {
        // SAFETY: `code` has no precondition.
        let coded = unsafe { matches!(code(), 0) }; //~ unsafe-call
        coded && matches!(x, 1 | 2)
    }

    pub fn guard(x: Option<i32>) -> bool {
        // SAFETY: `code` has no precondition.
        unsafe { matches!(x, Some(y) if y == code()) } //~ unsafe-call
    }
}

mod fn_pointer_items {
    unsafe extern "C" fn raw_statfs(_path: *const u8) -> i32 {
        0
    }

    extern "C" fn checked_statfs(_path: *const u8) -> i32 {
        0
    }

    macro_rules! items_of {
        ($($item:item)*) => { $($item)* };
    }

    // as nix declares `LIBC_STATFS` in a `cfg_if!` branch
    items_of! {
        const VIA_MACRO: unsafe extern "C" fn(path: *const u8) -> i32 = raw_statfs;
    }
    const WRITTEN: unsafe extern "C" fn(path: *const u8) -> i32 = raw_statfs;
    static SAFE: extern "C" fn(path: *const u8) -> i32 = checked_statfs;

    fn with_path(f: impl FnOnce(*const u8) -> i32) -> i32 {
        f(core::ptr::null())
    }

    pub fn statfs() -> i32 {
        // SAFETY: both accept a null path.
        let n = unsafe { WRITTEN(core::ptr::null()) }; //~ unsafe-call
        // SAFETY: as above.
        let m = unsafe { with_path(|p| VIA_MACRO(p)) }; //~ unsafe-call
        n + m + SAFE(core::ptr::null())
    }
}
