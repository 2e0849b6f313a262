// Sites of each default level: a warning (no SAFETY comment), a note (the dereference) and hints
// (`borrow-as-ptr`, the casts, the unsafe block and its `unsafe-code`).
pub fn address(x: &u8) -> *const u8 {
    &*x as *const u8
}

pub fn read(p: &u8) -> u8 {
    unsafe { *(p as *const u8) }
}
