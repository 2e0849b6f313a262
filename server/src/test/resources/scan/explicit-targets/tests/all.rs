mod helpers;
mod parts;

// item path: all_g
pub fn all_g(p: *const u8) -> u8 {
    unsafe { *p }
}
