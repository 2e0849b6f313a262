// item path: speed_g
pub fn speed_g(p: *const u8) -> u8 {
    unsafe { *p }
}
