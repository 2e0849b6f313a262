/// # Safety
/// `p` must be valid for a write.
pub unsafe fn local_poke(p: *mut u8) {
    unsafe { *p = 2 }
}
