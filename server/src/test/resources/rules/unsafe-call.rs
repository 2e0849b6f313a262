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
