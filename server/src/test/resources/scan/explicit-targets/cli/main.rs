mod args;

// item path: main_g
pub fn main_g(p: *const u8) -> u8 {
    unsafe { *p }
}

fn main() {}
