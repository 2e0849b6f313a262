// Every `union` item is inventoried where the item starts (its visibility, after attributes).

use std::mem::ManuallyDrop;

#[repr(C)]
pub union IntOrFloat { //~ union
    pub i: u32,
    pub f: f32,
}

union Pair { //~ union
    wide: u64,
    halves: [u32; 2],
}

pub(crate) union MaybeString { //~ union
    text: ManuallyDrop<String>,
    empty: (),
}

pub fn bits_of(x: f32) -> u32 {
    let v = IntOrFloat { f: x };
    // SAFETY: every bit pattern of a `f32` is a valid `u32`.
    unsafe { v.i }
}

pub fn low_half(x: u64) -> u32 {
    let p = Pair { wide: x };
    // SAFETY: `[u32; 2]` has no invalid bit patterns and the same size as `u64`.
    let halves = unsafe { p.halves };
    halves[0]
}

pub fn empty_string() -> bool {
    let m = MaybeString { empty: () };
    let _ = &m;
    true
}

// ok: `union` is a contextual keyword; as a name it is a plain identifier.
pub fn union(a: &[u8], b: &[u8]) -> Vec<u8> {
    let union = [a, b].concat();
    union
}

// ok: structs and enums are not unions.
pub struct Both {
    pub i: u32,
    pub f: f32,
}

pub enum Either {
    Int(u32),
    Float(f32),
}
