// An `as` cast that changes only the mutability of a raw pointer, at the cast.
// `cast_mut()` and `cast_const()` say that by name.

pub fn params(p: *const u8, q: *mut u8) -> (*mut u8, *const u8) {
    (p as *mut u8, q as *const u8) //~ ptr-cast-constness //~ ptr-cast-constness
}

pub struct Node {
    next: *const Node,
}

pub fn through_a_field(n: &Node) -> *mut Node {
    n.next as *mut Node //~ ptr-cast-constness
}

pub fn from_a_local(v: &[u16]) -> *mut u16 {
    let p: *const u16 = v.as_ptr();
    p as *mut u16 //~ ptr-cast-constness
}

// ok: the compliant form.
pub fn with_methods(p: *const u8) -> *mut u8 {
    p.cast_mut()
}

// ok: the pointee changes too (`ptr-as-ptr` and this rule are both silent: two changes at once).
pub fn both(p: *const u8) -> *mut u32 {
    p as *mut u32
}

// ok: the pointee is left to inference (clippy reports this one, seeing that the return type makes it
// `u8`; the analysis does not look at what a `_` is inferred to, so it stays silent).
pub fn inferred(p: *const u8) -> *mut u8 {
    p as *mut _
}

// ok: a reference or an integer is no pointer.
pub fn not_pointers(r: &u8, addr: usize) -> (*mut u8, *mut u8) {
    (r as *const u8 as *mut u8, addr as *mut u8) //~ ptr-cast-constness
}
