// the root of the test `suite`
mod part;

// item path: g
pub fn g(p: *const u8) -> u8 {
    unsafe { *p }
}
