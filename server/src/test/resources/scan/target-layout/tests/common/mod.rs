// shared by the tests that declare `mod common;`
// item path: common::g
pub fn g(p: *const u8) -> u8 {
    unsafe { *p }
}
