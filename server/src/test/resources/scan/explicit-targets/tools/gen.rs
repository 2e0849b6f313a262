// item path: gen_g
pub fn gen_g(p: *const u8) -> u8 {
    unsafe { *p }
}

fn main() {}
