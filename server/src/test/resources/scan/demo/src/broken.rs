pub fn fine(p: *const u8) -> u8 {
    unsafe { *p }
}

pub fn broken( {
    let x = ;
}

pub fn also_fine(p: *const u8) -> u8 {
    unsafe { *p }
}
