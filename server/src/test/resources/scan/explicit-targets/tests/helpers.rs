// item path: helpers::helpers_g
pub fn helpers_g(p: *const u8) -> u8 {
    unsafe { *p }
}
