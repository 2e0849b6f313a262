// An `unsafe` block that is not needed, at its `unsafe`: one nested in another unsafe block (the
// outer one already allows everything), or one that provably holds no unsafe operation (no calls,
// dereferences or macros whose safety the analysis cannot decide).

pub fn empty() {
    unsafe {} //~ unused-unsafe
}

pub fn only_arithmetic(a: u32, b: u32) -> u32 {
    // ok (not reported): the analysis cannot resolve `wrapping_add`, so it cannot prove this
    // block unused, although rustc can.
    let sum = unsafe { a.wrapping_add(0) + b };
    unsafe { sum * 2 + a } //~ unused-unsafe
}

pub fn nested(p: *const u8) -> u8 {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe {
        let v = *p;
        // SAFETY: the outer block already covers this.
        unsafe { v + *p } //~ unused-unsafe
    }
}

pub fn nested_deeper(p: *const u8) -> u8 {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe {
        if *p > 0 {
            unsafe { //~ unused-unsafe
                return *p;
            }
        }
        0
    }
}

pub fn literal_only() -> &'static str {
    unsafe { "nothing unsafe here" } //~ unused-unsafe
}

// ok: blocks that hold an unsafe operation are needed.
pub fn needed(p: *const u8, v: &[u8]) -> u8 {
    // SAFETY: callers pass a pointer to a live byte and a non-empty slice.
    let a = unsafe { *p };
    // SAFETY: as above.
    let b = unsafe { *v.get_unchecked(0) };
    a + b
}

// ok: a macro may expand to unsafe operations, so the block is not provably unused.
macro_rules! read_ptr {
    ($p:expr) => {
        *$p
    };
}

pub fn through_macro(p: *const u8) -> u8 {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe { read_ptr!(p) }
}

// ok: a call through a function pointer may be unsafe (here it is: `f` is an `unsafe fn`).
pub fn opaque(f: unsafe fn() -> u8) -> u8 {
    // SAFETY: callers only pass functions without preconditions.
    unsafe { f() }
}

// ok: an unsafe fn nested in an unsafe block is a separate body; its own block is needed.
pub fn item_in_block(p: *const u8) -> u8 {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe {
        unsafe fn inner(q: *const u8) -> u8 {
            // SAFETY: the caller guarantees `q` is valid.
            unsafe { *q }
        }
        inner(p)
    }
}

// ok: silenced with rustc's own lint name.
#[allow(unused_unsafe)]
pub fn silenced() -> u8 {
    unsafe { 1 }
}

#[repr(C)]
pub union Word {
    pub int: u32,
    pub float: f32,
}

pub struct Wrapper {
    pub word: Word,
}

// ok: the analysis does not know the type of `w.word`, but a union declares a field `int`: the
// block may be needed, so it is not called unused.
pub fn nested_union(w: &Wrapper) -> u32 {
    // SAFETY: every bit pattern is a valid `u32`.
    unsafe { w.word.int }
}

// ok: `Opaque` is declared by a macro the analysis does not expand; it may be a union, whose fields
// need `unsafe` to read.
declare_opaque!(Opaque);

pub fn opaque_field(o: &Opaque) -> u32 {
    // SAFETY: every bit pattern is a valid `u32`.
    unsafe { o.bits }
}

// ok: a safe fn with `#[target_feature]` needs `unsafe` where its features are not enabled.
#[target_feature(enable = "avx2")]
fn sum_avx2(x: &[u32]) -> u32 {
    x.iter().sum()
}

pub fn sum(x: &[u32]) -> u32 {
    // SAFETY: the caller checked `is_x86_feature_detected!("avx2")`.
    unsafe { sum_avx2(x) }
}

// ok: reading an extern static needs `unsafe`.
pub fn last_error() -> i32 {
    unsafe extern "C" {
        static errno: i32;
    }
    // SAFETY: the C library keeps `errno` valid for the whole program.
    unsafe { errno }
}

// A call through an `unsafe fn` pointer is an unsafe operation; one through a safe `fn` pointer is not.
pub struct Callbacks {
    on_byte: unsafe fn(u8) -> u8,
}

pub fn through_fn_pointers(cb: &Callbacks, f: unsafe fn(u8) -> u8, g: fn(u8) -> u8) -> u8 {
    // SAFETY: callers install callbacks that accept any byte.
    let a = unsafe { f(1) };
    // SAFETY: as above.
    let b = unsafe { (cb.on_byte)(2) };
    let c = unsafe { g(3) }; //~ unused-unsafe
    a + b + c
}

// A block that a crate macro writes is the macro's text: not judged at each call (the call may
// well pass safe code, and the macro's `#[allow(unused_unsafe)]` is on the text).
macro_rules! call_unsafe {
    ($e:expr) => {{
        #[allow(unused_unsafe)]
        let r = unsafe { $e };
        r
    }};
}

pub fn macro_written_block() -> u32 {
    call_unsafe!(1 + 2)
}

macro_rules! pass {
    ($e:expr) => {
        $e
    };
}

pub fn passed_block() -> u32 {
    pass!(unsafe { 1 + 2 }) //~ unused-unsafe
}
