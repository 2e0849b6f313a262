// item path: raw::raw_g
pub fn raw_g(p: *const u8) -> u8 {
    unsafe { *p }
}
