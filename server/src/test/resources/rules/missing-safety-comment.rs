// An unsafe block or `unsafe impl` without a `// SAFETY:` comment where one is accepted: on the
// lines directly above the block, or above the statement / `let` / item holding it (above its
// attributes too), or as the first thing inside the block.
// The marker is case-insensitive (`Safety:` works too). Reported at the `unsafe` keyword.

use std::ptr;

pub struct Buffer {
    data: *mut u8,
    len: usize,
}

pub fn undocumented(p: *const u8) -> u8 {
    unsafe { *p } //~ missing-safety-comment
}

pub fn documented_above(p: *const u8) -> u8 {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe { *p }
}

pub fn documented_above_let(b: &Buffer) -> u8 {
    // SAFETY: `data` points to `len` initialized bytes and `len > 0` is checked by `Buffer::new`.
    let first = unsafe { *b.data };
    first
}

pub fn documented_inside(b: &Buffer, i: usize) -> u8 {
    assert!(i < b.len);
    unsafe {
        // SAFETY: `i < len`, and `data` is valid for `len` bytes.
        *b.data.add(i)
    }
}

pub fn documented_above_attributes(p: *mut u8) {
    // SAFETY: callers pass a pointer valid for writes.
    #[allow(clippy::multiple_unsafe_ops_per_block)]
    unsafe {
        ptr::write(p, 0);
    }
}

pub fn lower_case_marker(p: *const u8) -> u8 {
    // Safety: callers pass a pointer to a live byte.
    unsafe { *p }
}

pub fn multi_line_comment(p: *const u8) -> u8 {
    // SAFETY:
    // - callers pass a pointer to a live byte;
    // - nobody writes to it while we read.
    unsafe { *p }
}

pub fn in_an_argument(p: *const u8) -> u8 {
    // SAFETY: callers pass a pointer to a live byte.
    u8::wrapping_add(unsafe { *p }, 1)
}

pub fn in_a_match(p: *const u8, read: bool) -> u8 {
    match read {
        // SAFETY: callers pass a pointer to a live byte when `read` is true.
        true => unsafe { *p },
        false => unsafe { *p.cast::<u8>() }, //~ missing-safety-comment
    }
}

pub fn code_in_between(p: *const u8) -> u8 {
    // SAFETY: this comment belongs to the statement below, not to the block after it.
    let q = p;
    unsafe { *q } //~ missing-safety-comment
}

pub fn no_colon(p: *const u8) -> u8 {
    // SAFETY the colon is missing, so this is not the marker.
    unsafe { *p } //~ missing-safety-comment
}

pub fn other_words(p: *const u8) -> u8 {
    // The pointer is always valid here (a note, but not the SAFETY marker).
    unsafe { *p } //~ missing-safety-comment
}

pub fn nested(p: *const u8) -> u8 {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe {
        let v = *p;
        unsafe { v } //~ missing-safety-comment
    }
}

pub fn two_on_a_line(a: *const u8, b: *const u8) -> (u8, u8) {
    (unsafe { *a }, unsafe { *b }) //~ missing-safety-comment //~ missing-safety-comment
}

// SAFETY: an initializer is documented above its item.
static FIRST: u8 = unsafe { *(&7_u8 as *const u8) };

pub fn first() -> u8 {
    FIRST
}

// SAFETY: `Buffer` owns its bytes, so moving it to another thread moves them too.
unsafe impl Send for Buffer {}

unsafe impl Sync for Buffer {} //~ missing-safety-comment

pub struct Token(*const u8);

// SAFETY: the comment may sit above the attributes of the impl.
#[allow(clippy::non_send_fields_in_send_ty)]
unsafe impl Send for Token {}

#[doc(hidden)]
// SAFETY: or between the attributes and `unsafe impl`.
unsafe impl Sync for Token {}

/// # Safety
///
/// Implementors must be plain old data.
pub unsafe trait Pod {}

unsafe impl Pod for u32 {} //~ missing-safety-comment

// ok: an `unsafe fn` needs a `# Safety` doc section (missing-safety-doc), not a SAFETY comment.
/// # Safety
///
/// `p` must point to a live byte.
pub unsafe fn read(p: *const u8) -> u8 {
    // SAFETY: the caller guarantees that `p` points to a live byte.
    unsafe { *p }
}

// ok: silenced on purpose, with the clippy lint attribute or this tool's own comment.
#[allow(clippy::undocumented_unsafe_blocks)]
pub fn silenced_by_lint(p: *const u8) -> u8 {
    unsafe { *p }
}

pub fn silenced_by_comment(p: *const u8) -> u8 {
    unsafe { *p } // unsafe-hints: allow(missing-safety-comment)
}

// In a `macro_rules!` body the comment belongs next to the `unsafe` of the macro's text: each
// expansion is unsafe code. Patterns (left of `=>`) are not code.
macro_rules! read_first {
    ($p:expr) => {
        unsafe { *$p } //~ missing-safety-comment
    };
    (unsafe $p:expr) => {{
        // SAFETY: the caller wrote `unsafe`, promising a pointer to a live byte.
        let b = unsafe { *$p };
        b
    }};
}

macro_rules! impl_send {
    ($t:ty) => {
        unsafe impl Send for $t {} //~ missing-safety-comment
    };
    (documented $t:ty) => {
        // SAFETY: the type owns its data and has no thread affinity.
        unsafe impl Send for $t {}
    };
    (with attributes $t:ty) => {
        // SAFETY: the type owns its data and has no thread affinity.
        #[doc(hidden)]
        #[allow(unused)]
        unsafe impl Sync for $t {}
    };
}

// Macros 2.0 (`decl_macro`, in the standard library's sources) are read the same way: the one
// rule of `macro m(..) { .. }`, or each transcriber of `macro m { (..) => { .. }, .. }`.
macro read_byte($p:expr) {
    unsafe { *$p } //~ missing-safety-comment
}

macro read_byte_documented($p:expr) {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe { *$p }
}

macro send_for {
    ($t:ty) => {
        unsafe impl Send for $t {} //~ missing-safety-comment
    },
    (documented $t:ty) => {
        // SAFETY: the type owns its data.
        unsafe impl Send for $t {}
    },
}

macro_rules! first_inside {
    ($p:expr) => {
        unsafe {
            // SAFETY: the caller passes a pointer to a live byte.
            *$p
        }
    };
}

// SAFETY comments that clippy accepts in other places than right above the block.
struct Wrapper {
    value: u8,
}

fn places_clippy_accepts(p: *const u8) {
    let _x = // SAFETY: the caller passes a pointer to a live byte.
        unsafe { *p };

    // SAFETY: the caller passes a pointer to a live byte.
    let _read = || unsafe { *p };

    let _w = Wrapper {
        // SAFETY: the caller passes a pointer to a live byte.
        value: unsafe { *p },
    };

    let _y = Wrapper {
        value: unsafe { *p }, //~ missing-safety-comment
    };

    helper(); // SAFETY: a trailing comment of another statement says nothing about the block below.
    unsafe { *p }; //~ missing-safety-comment
}

fn helper() {}

struct Plain(u8);

#[allow(unused)]
// SAFETY: `Plain` holds a plain byte, which any thread may own.
#[doc(hidden)]
unsafe impl Send for Plain {}

// Expanded calls: a block the user passes to a macro is the user's, and needs its comment where
// it is written (or above the call); a block the macro's text writes is checked in the macro's
// text (above), not at every call.
macro_rules! t {
    ($e:expr) => {
        $e
    };
}

fn passed_to_a_macro(p: *const u8) -> u8 {
    t!(unsafe {}); //~ missing-safety-comment
    // SAFETY: the caller passes a pointer to a live byte.
    let v = t!(unsafe { *p });
    v
}

fn written_by_a_macro(p: *const u8) -> u8 {
    read_first!(p) // reported once, in `read_first!`'s text
}
