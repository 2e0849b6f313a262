mod raw;

// item path: lib_g
pub fn lib_g(p: *const u8) -> u8 {
    unsafe { *p }
}
