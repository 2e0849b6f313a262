// Every read of a union field (also a borrow or a compound assignment, which read it), where the
// field expression starts. Writing a field with `=` is safe and not reported.

#[repr(C)]
#[derive(Clone, Copy)]
pub union Bits {
    pub int: u32,
    pub float: f32,
    pub bytes: [u8; 4],
}

impl Bits {
    pub fn to_int(self) -> u32 {
        // SAFETY: every bit pattern of the union's 4 bytes is a valid `u32`.
        unsafe { self.int } //~ union-field-access
    }
}

pub fn from_float(x: f32) -> u32 {
    let b = Bits { float: x };
    // SAFETY: every bit pattern is a valid `u32`.
    unsafe { b.int } //~ union-field-access
}

pub fn first_byte(b: &Bits) -> u8 {
    // SAFETY: every bit pattern is a valid `[u8; 4]`.
    let bytes = unsafe { &b.bytes }; //~ union-field-access
    bytes[0]
}

pub fn bump(mut b: Bits) -> Bits {
    // SAFETY: `+=` reads the field first; every bit pattern is a valid `u32`.
    unsafe { b.int += 1 }; //~ union-field-access
    b
}

pub fn pair(a: Bits, b: Bits) -> (u32, f32) {
    // SAFETY: every bit pattern is valid for both fields.
    unsafe { (a.int, b.float) } //~ union-field-access //~ union-field-access
}

// ok: writing a field is safe; it only overwrites bytes.
pub fn write_only(x: u32) -> Bits {
    let mut b = Bits { int: 0 };
    b.int = x;
    b.float = 1.5;
    b
}

// ok: a struct with the same field names is not a union.
pub struct Plain {
    pub int: u32,
}

pub fn plain(p: &Plain) -> u32 {
    p.int
}

// ok: a raw pointer to a field does not read it.
pub fn field_pointer(u: &Bits) -> *const u32 {
    &raw const u.int
}

pub fn literal_read(x: u32) -> f32 {
    // SAFETY: every bit pattern of a `u32` is a valid `f32`.
    unsafe { Bits { int: x }.float } //~ union-field-access
}

// A union declared inside a function is not in the workspace index, but it is the one in scope.
pub fn local_union(x: u64) -> u32 {
    #[repr(C)]
    union Halves {
        whole: u64,
        low: u32,
    }
    let h = Halves { whole: x };
    // SAFETY: every bit pattern of the low half is a valid `u32`.
    unsafe { h.low + (Halves { whole: x }).low } //~ union-field-access //~ union-field-access
}

// A macro's own local spelled like a field: the field label in its text stays the field's name
// (hygiene renames the local, never the label), so the pattern still reads the union's field.
pub union Word {
    low: u32,
    float: f32,
}

macro_rules! low_of {
    ($u:expr) => {{
        let low = 1u32;
        match $u {
            Word { low: v } => v + low,
        }
    }};
}

pub fn low_of_word(u: Word) -> u32 {
    // SAFETY: every bit pattern is a valid `u32`.
    unsafe { low_of!(u) } //~ union-field-access
}
