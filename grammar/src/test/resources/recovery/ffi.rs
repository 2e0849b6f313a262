use std::ffi::{c_char, c_int, CStr};

extern "C" {
    fn strlen(s: *const c_char) -> usize;
    fn abs(x: c_int) -> c_int;
}

#[repr(C)]
pub struct Point {
    pub x: c_int,
    pub y: c_int,
}

pub union Word {
    pub bytes: [u8; 4],
    pub value: u32,
}

/// # Safety
/// `s` must point to a NUL-terminated string.
pub unsafe fn length(s: *const c_char) -> usize {
    strlen(s)
}

pub fn distance(a: &Point, b: &Point) -> c_int {
    unsafe { abs(a.x - b.x) + abs(a.y - b.y) }
}

pub fn name_of(raw: &[u8]) -> Option<&str> {
    let c = CStr::from_bytes_with_nul(raw).ok()?;
    c.to_str().ok()
}

pub fn low_byte(w: Word) -> u8 {
    // SAFETY: every bit pattern is a valid [u8; 4].
    let bytes = unsafe { w.bytes };
    bytes[0]
}

#[no_mangle]
pub extern "C" fn add_points(a: Point, b: Point) -> Point {
    Point { x: a.x + b.x, y: a.y + b.y }
}

pub trait Handle {
    fn raw(&self) -> *mut u8;
}

unsafe impl Send for Point {}
