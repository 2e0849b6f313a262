pub fn other_f(p: *const u8) -> u8 { unsafe { *p } }
