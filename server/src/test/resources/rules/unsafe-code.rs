// Every place rustc's `unsafe_code` lint counts, at rustc's position (UnsafeCodeRustcTest
// compiles this file with `-F unsafe_code` and compares line and column).
#![allow(dead_code, unused, clippy::missing_safety_doc)]

/// Reads a byte.
#[inline]
pub unsafe fn read(p: *const u8) -> u8 { //~ unsafe-code
    *p
}

pub(crate) unsafe extern "C" fn callback() {} //~ unsafe-code

pub fn first(v: &[u8]) -> u8 {
    // SAFETY: `v` is not empty here.
    unsafe { *v.get_unchecked(0) } //~ unsafe-code
}

pub fn nested() -> u8 {
    let f = || unsafe { read(&1) }; //~ unsafe-code
    unsafe fn local() {} //~ unsafe-code
    f()
}

/// A marker.
#[doc(alias = "Zeroable")]
pub unsafe trait Zero { //~ unsafe-code
    unsafe fn declared(&self); //~ unsafe-code
    unsafe fn defined(&self) {} //~ unsafe-code
    fn safe(&self);
}

pub struct S;

#[allow(unused_attributes)]
unsafe impl Zero for S { //~ unsafe-code
    unsafe fn declared(&self) {} //~ unsafe-code
    fn safe(&self) {}
}

// SAFETY: S holds nothing.
unsafe impl Send for S {} //~ unsafe-code

impl S {
    pub unsafe fn method(&self) {} //~ unsafe-code
    #[no_mangle] pub extern "C" fn exported_method(&self) {} //~ unsafe-code
}

// ok: declarations of foreign functions are not unsafe code; calling them is.
extern "C" {
    fn abs(x: i32) -> i32;
}

#[link(name = "m")]
unsafe extern "C" { //~ unsafe-code
    fn floor(x: f64) -> f64;
}

#[no_mangle] //~ unsafe-code
pub extern "C" fn exported() {}

#[export_name = "renamed"] //~ unsafe-code
pub fn renamed() {}

#[link_section = ".data.table"] //~ unsafe-code
static TABLE: [u8; 4] = [0; 4];

#[no_mangle] //~ unsafe-code
pub static mut COUNTER: u32 = 0;

#[cfg_attr(all(), no_mangle)] //~ unsafe-code
pub extern "C" fn conditional() {}

#[export_name = "both"] #[link_section = ".text.both"] //~ unsafe-code //~ unsafe-code
pub fn both() {}

// ok: the attribute is on a trait's method declaration, which the lint leaves alone.
pub trait Hooks {
    fn hook(&self);
}

macro_rules! wrapper {
    ($v:vis $name:ident) => {
        $v unsafe fn $name() {} //~ unsafe-code
    };
}
wrapper!(pub generated);

macro_rules! deref {
    ($p:expr) => {
        unsafe { *$p } //~ unsafe-code
    };
}

pub fn use_deref(p: *const u8) -> u8 {
    deref!(p)
}

macro_rules! passthrough {
    ($e:expr) => {
        $e
    };
}

pub fn passed() -> u8 {
    passthrough!(unsafe { 1 }) //~ unsafe-code
}

// ok: a fn pointer type is no unsafe code.
pub type Callback = unsafe extern "C" fn(i32) -> i32;
