// Union reads through patterns, union writes (safe), `&raw` of a place behind a pointer (safe only
// for the pointee itself: a field projection through `*p` needs `unsafe`), extern statics, and
// calls through every spelling of an unsafe fn pointer.

pub union Bits {
    pub int: u32,
    pub float: f32,
}

#[derive(Clone, Copy)]
pub struct Pair {
    pub a: u32,
    pub b: u32,
}

pub union Wide {
    pub pair: Pair,
    pub whole: u64,
}

extern "C" {
    static environ: *const *const u8;
}

pub struct Callbacks {
    pub on_event: unsafe fn(u32) -> u32,
}

pub fn reads_by_pattern(b: Bits) -> u32 {
    // SAFETY: every bit pattern is a valid u32 and f32.
    unsafe {
        let Bits { int } = b; //~ op
        let float = match b {
            Bits { float: f } => f, //~ op
        };
        if let Bits { int: _ } = b {}
        int + float as u32
    }
}

pub fn writes_are_safe(mut b: Bits, mut w: Wide) -> u64 {
    b.int = 1;
    (b.float,) = (2.0,);
    w.pair = Pair { a: 1, b: 2 };
    // SAFETY: `int` was written last.
    unsafe { b.int += 1 }; //~ op
    // SAFETY: `pair` was written last, and every bit pattern is a valid u64.
    unsafe { w.whole } //~ op
}

pub fn raw_borrows(p: *const Pair) -> usize {
    let whole = &raw const *p;
    // SAFETY: the caller passes a valid pointer.
    let field = unsafe { &raw const (*p).b }; //~ op
    whole as usize + field as usize
}

pub fn extern_statics() -> usize {
    let address = &raw const environ;
    // SAFETY: read once, as a number.
    let value = unsafe { environ as usize }; //~ op
    address as usize + value
}

pub fn fn_pointers(f: &unsafe fn(u32) -> u32, pair: (unsafe fn(u32) -> u32, u8), c: &Callbacks) -> u32 {
    // SAFETY: the callbacks accept any number.
    unsafe {
        let a = f(1); //~ op
        let b = (pair.0)(2); //~ op
        let d = (c.on_event)(3); //~ op
        a + b + d
    }
}
