// Every `as` cast to `*const T` / `*mut T` is inventoried where the cast expression starts
// (at its operand). Creating a pointer is safe; using it is where `unsafe` comes in.

pub fn make_pointers() {
    let x = 42_i32;
    let mut y = 7_i32;
    let a = &x as *const i32; //~ raw-pointer-cast
    let b = &mut y as *mut i32; //~ raw-pointer-cast
    let c = a as *const u8; //~ raw-pointer-cast
    let d = b as *mut _; //~ raw-pointer-cast
    let _ = (a, b, c, d);
}

pub fn chained(x: &u32) -> *mut u32 {
    // Two casts start at the same `x`: the inner `as *const` and the outer `as *mut`.
    x as *const u32 as *mut u32 //~ raw-pointer-cast //~ raw-pointer-cast
}

pub fn from_address(addr: usize) -> *const u8 {
    addr as *const u8 //~ raw-pointer-cast
}

pub fn slice_pointer(bytes: &[u8]) -> *const [u8] {
    bytes as *const [u8] //~ raw-pointer-cast
}

pub fn in_call(v: &mut Vec<u16>) -> usize {
    std::mem::size_of_val(&(v.as_mut_ptr() as *mut u8)) //~ raw-pointer-cast
}

pub fn multi_line(value: &f64) -> *const u64 {
    (value //~ raw-pointer-cast
        as *const f64)
        as *const u64 //~^^ raw-pointer-cast
}

// ok: casts to integers, floats and references are not pointer casts.
pub fn not_pointer_casts(p: *const u8, n: u64) -> (usize, u8, f32) {
    (p as usize, n as u8, n as f32)
}

// ok: pointers made without `as` (coercion, `&raw`, std functions) are other rules' business.
pub fn without_as(x: &i32) -> (*const i32, *const i32, *const i32) {
    let coerced: *const i32 = x;
    (coerced, &raw const *x, std::ptr::from_ref(x))
}

// ok: a type ascription of a pointer type is not a cast.
pub fn typed(p: *mut u8) -> *mut u8 {
    let q: *mut u8 = p;
    q
}
