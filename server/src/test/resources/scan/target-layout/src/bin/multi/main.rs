// the root of the binary `multi`
mod helper;

// item path: g
pub fn g(p: *const u8) -> u8 {
    unsafe { *p }
}
