/// # Safety
/// `p` must be valid for a write.
pub unsafe fn poke(p: *mut u8) {
    unsafe { *p = 1 }
}
