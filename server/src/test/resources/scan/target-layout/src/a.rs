// item path: a::g
pub fn g(p: *const u8) -> u8 {
    unsafe { *p }
}
