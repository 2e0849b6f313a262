// A public safe fn that dereferences one of its own raw-pointer parameters, at the dereference.
// Any caller can pass a dangling pointer without writing `unsafe`, so the fn is unsound: make it
// an `unsafe fn` with a `# Safety` section, or take a reference instead.

pub struct Point {
    pub x: i32,
    pub y: i32,
}

pub fn read(p: *const u8) -> u8 {
    // SAFETY: (claims that) callers pass valid pointers, but nothing forces them to.
    unsafe { *p } //~ ptr-arg-deref-in-safe-fn
}

pub fn write(p: *mut u8, v: u8) {
    // SAFETY: same claim as above.
    unsafe { *p = v } //~ ptr-arg-deref-in-safe-fn
}

pub fn x_of(point: *const Point) -> i32 {
    // SAFETY: same claim as above.
    unsafe { (*point).x } //~ ptr-arg-deref-in-safe-fn
}

pub struct Reader;

impl Reader {
    pub fn both(&self, a: *const i32, b: *const i32) -> i32 {
        // SAFETY: same claim as above.
        unsafe { *a + *b } //~ ptr-arg-deref-in-safe-fn //~ ptr-arg-deref-in-safe-fn
    }
}

// ok: the fix, an unsafe fn that states its contract.
/// # Safety
///
/// `p` must be non-null, aligned and point to an initialized byte.
pub unsafe fn read_documented(p: *const u8) -> u8 {
    // SAFETY: the caller guarantees `p` is valid.
    unsafe { *p }
}

// ok: the other fix, a reference, which the compiler checks.
pub fn read_ref(p: &u8) -> u8 {
    *p
}

// ok: not public, so every caller is in this crate and can be reviewed.
fn private_read(p: *const u8) -> u8 {
    // SAFETY: all callers in this module pass pointers to live bytes.
    unsafe { *p }
}

pub(crate) fn crate_read(p: *const u8) -> u8 {
    // SAFETY: all callers in this crate pass pointers to live bytes.
    unsafe { *p }
}

// ok: a pointer made inside the fn from a reference is not the caller's to choose.
pub fn local_pointer(v: &u8) -> u8 {
    let p = v as *const u8;
    let q = private_read(p) + crate_read(p);
    // SAFETY: `p` comes from a live reference.
    q + unsafe { *p }
}

// ok: a trait impl cannot change the trait's signature to `unsafe fn`.
pub trait Sink {
    fn put(&self, p: *const u8) -> u8;
}

impl Sink for Reader {
    fn put(&self, p: *const u8) -> u8 {
        // SAFETY: this demo sink is only given valid pointers.
        unsafe { *p }
    }
}

// ok: a pointer parameter that is only compared or printed, never dereferenced.
pub fn is_same(a: *const u8, b: *const u8) -> bool {
    std::ptr::eq(a, b) || a.is_null()
}

// A pointer parameter handed to an unsafe fn or method is as good as dereferenced: the callee
// requires it to be valid (clippy's `not_unsafe_ptr_arg_deref` says the same).
pub fn read_through(p: *const u8) -> u8 {
    // SAFETY: same claim as above.
    unsafe { std::ptr::read(p) } //~ ptr-arg-deref-in-safe-fn
}

pub fn as_option(p: *const u8) -> Option<&'static u8> {
    // SAFETY: same claim as above.
    unsafe { p.as_ref() } //~ ptr-arg-deref-in-safe-fn
}

pub fn zero(p: *mut u8) {
    // SAFETY: same claim as above.
    unsafe { clear_byte((p)) } //~ ptr-arg-deref-in-safe-fn
}

/// # Safety
///
/// `p` must point to a writable byte.
pub unsafe fn clear_byte(p: *mut u8) {
    // SAFETY: the caller guarantees `p` is writable.
    unsafe { *p = 0 }
}

// A pointer type spelled through a type alias is a pointer type.
pub type Handle = *mut u8;

pub fn set(h: Handle, v: u8) {
    // SAFETY: same claim as above.
    unsafe { *h = v } //~ ptr-arg-deref-in-safe-fn
}

// ok: a pointer made inside the fn, or a parameter passed to a safe fn, is not the caller's pointer
// in an unsafe call.
pub fn offset_of(p: *const u8) -> usize {
    let local = [1u8, 2];
    // SAFETY: `local` is a live array of two bytes.
    let first = unsafe { std::ptr::read(local.as_ptr()) };
    p.wrapping_add(first as usize) as usize
}

// ok: an alias of something else, and a struct named like no alias.
pub type Count = usize;

pub fn count(c: Count) -> Count {
    c + 1
}

// A local that shadows the parameter is another pointer: the offset that made it is the parameter's
// use (clippy reports that one too), not the dereference of the new local.
pub fn second(p: *const u8) -> u8 {
    // SAFETY: same claim as above.
    let p = unsafe { p.add(1) }; //~ ptr-arg-deref-in-safe-fn
    // SAFETY: same claim as above.
    unsafe { *p }
}

pub fn local_only(p: *const u8) -> bool {
    let p = [7u8].as_ptr();
    // SAFETY: `p` points into a live array.
    let v = unsafe { std::ptr::read(p) };
    v == 7 && !p.is_null()
}
