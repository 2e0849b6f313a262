// A call of one of the crate's own macros that the analysis wanted to expand and could not,
// with the reason. Calls that expand, and calls of macros that cannot matter, get no note.

macro_rules! forever {
    ($($t:tt)*) => { forever!($($t)* x) };
}

macro_rules! doubling {
    ($($t:tt)*) => { doubling!($($t)* $($t)*) };
}

macro_rules! only_idents {
    ($i:ident) => { unsafe { $i() } };
}

macro_rules! not_an_expression {
    () => { unsafe fn f() {} struct S; };
}

macro_rules! read_raw {
    ($p:expr) => { *$p };
}

macro_rules! safe_helper {
    ($e:expr) => { $e + 1 };
}

pub fn recursion() {
    unsafe { forever!(y) } //~ macro-not-expanded
}

pub fn exponential() {
    unsafe { doubling!(a) } //~ macro-not-expanded
}

pub fn no_rule_matches() {
    only_idents!(1 + 2); //~ macro-not-expanded
}

pub fn does_not_parse() -> u8 {
    let x = not_an_expression!(); //~ macro-not-expanded
    x
}

// ok: these expand
pub fn expands(p: *const u8) -> u8 {
    // SAFETY: `p` is valid for reads (the caller's contract).
    unsafe { read_raw!(p) }
}

// ok: a macro that writes no unsafe code, called in safe code, is not expanded at all
pub fn safe(x: u32) -> u32 {
    safe_helper!(x)
}

// ok: std's macros keep their own handling
pub fn std_macros(p: *const u8) {
    // SAFETY: `p` is valid for reads.
    unsafe { println!("{}", *p) }
}
