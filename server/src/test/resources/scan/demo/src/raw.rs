use core::ptr;

/// Copies `n` bytes.
///
/// # Safety
/// `src` and `dst` must be valid for `n` bytes and must not overlap.
pub unsafe fn copy_bytes(src: *const u8, dst: *mut u8, n: usize) {
    ptr::copy_nonoverlapping(src, dst, n);
}

pub struct Wrapper(*mut u8);

unsafe impl Send for Wrapper {}

impl Wrapper {
    pub fn get(&self) -> u8 {
        unsafe { *self.0 }
    }

	pub fn tabbed(&self) -> *const u8 { self.0 as *const u8 }
}

pub fn emoji_then_unsafe() -> u8 { let s = "🦀"; let p = s.as_ptr(); unsafe { *p } }
