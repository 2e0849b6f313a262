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

// `as *mut _` takes its pointee from where the value goes: the return type here.
pub fn inferred(p: *const u8) -> *mut u8 {
    p as *mut _ //~ ptr-cast-constness
}

mod ffi {
    pub struct Key {
        pub bits: u32,
    }

    pub fn set_key(_key: *mut Key, _out: *mut u32) {}
}

pub struct Holder {
    key: ffi::Key,
}

pub fn arguments(holder: &Holder, key: &ffi::Key, out: *const u8) {
    // a declared parameter gives the pointee; `&x as *const _` points at x's type
    ffi::set_key(&holder.key as *const _ as *mut _, out as *mut _); //~ ptr-cast-constness
    let k: *const ffi::Key = key;
    ffi::set_key(k as *mut _, out as *mut u32); //~ ptr-cast-constness
}

// ok: `out` is a `*const u8` and the parameter a `*mut u32`: the pointee changes too.
pub fn other_pointee(out: *const u8) {
    ffi::set_key(std::ptr::null_mut(), out as *mut _);
}

pub fn borrowed(key: &ffi::Key) {
    ffi::set_key(key as *const ffi::Key as *mut ffi::Key, std::ptr::null_mut()); //~ ptr-cast-constness
}

// ok: a reference or an integer is no pointer.
pub fn not_pointers(r: &u8, addr: usize) -> (*mut u8, *mut u8) {
    (r as *const u8 as *mut u8, addr as *mut u8) //~ ptr-cast-constness
}

// A pointer type named by an alias or an associated type is that pointer type: the cast still
// changes only the mutability (the operand's type, the target's, or both).
pub type Bytes = *const u8;
pub type MutBytes = *mut u8;

pub trait Link {
    type Out;
}

impl Link for Node {
    type Out = *mut Node;
}

pub fn through_aliases(p: Bytes, q: *const u8, n: &Node) -> (*mut u8, MutBytes, MutBytes, <Node as Link>::Out) {
    (p as *mut u8, q as MutBytes, p as MutBytes, n.next as <Node as Link>::Out) //~ ptr-cast-constness //~ ptr-cast-constness //~ ptr-cast-constness //~ ptr-cast-constness
}

pub fn through_an_associated_type(p: <Node as Link>::Out) -> *const Node {
    p as *const Node //~ ptr-cast-constness
}

// ok: the alias names another pointee, so the cast changes two things.
pub fn other_pointee(q: *const u32) -> MutBytes {
    q as MutBytes
}
