// item path: demo_g
pub fn demo_g(p: *const u8) -> u8 {
    unsafe { *p }
}

fn main() {}
