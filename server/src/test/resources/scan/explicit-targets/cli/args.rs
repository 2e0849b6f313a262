// item path: args::args_g
pub fn args_g(p: *const u8) -> u8 {
    unsafe { *p }
}
