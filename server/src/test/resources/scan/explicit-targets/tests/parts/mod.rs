// item path: parts::parts_g
pub fn parts_g(p: *const u8) -> u8 {
    unsafe { *p }
}
