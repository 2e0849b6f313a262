// Names that only a fn body brings into scope: its own `use` declarations (the index reads items,
// not bodies), and `P::f(..)` where `P` is a generic parameter bounded by a trait that declares `f`.
// A safe fn of the same name elsewhere keeps a guess by name alone from deciding.

mod raw {
    /// # Safety
    /// `p` must point to a live byte (the test only looks at the address).
    pub unsafe fn peek(p: *const u8) -> u8 {
        p as usize as u8
    }
}

mod checked {
    pub fn peek(p: &u8) -> u8 {
        *p
    }
}

pub trait Store<S> {
    /// # Safety
    /// `s` must hold a valid value of `Self`.
    unsafe fn unpack(s: S) -> Self;
}

impl Store<u32> for u64 {
    unsafe fn unpack(s: u32) -> u64 {
        s as u64
    }
}

pub struct Plain;

impl Plain {
    pub fn unpack(s: u32) -> u32 {
        s
    }
}

pub fn named_in_body(p: *const u8) -> u8 {
    use self::raw::peek;
    // SAFETY: the caller passes a valid pointer.
    unsafe { peek(p) } //~ op
}

pub fn glob_in_body(p: *const u8, q: &u8) -> u8 {
    use self::raw::*;
    // SAFETY: the caller passes a valid pointer.
    let read = unsafe { peek(p) }; //~ op
    read + checked::peek(q)
}

pub fn through_parameter<W: Store<u32>>(s: u32) -> W {
    // SAFETY: every u32 is a valid W here.
    unsafe { W::unpack(s) } //~ op
}

pub fn not_a_parameter(s: u32) -> u32 {
    Plain::unpack(s)
}
