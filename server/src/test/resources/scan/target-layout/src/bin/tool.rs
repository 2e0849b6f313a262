// a binary crate of its own: its root, whatever the folder
mod shared;

// item path: g
pub fn g(p: *const u8) -> u8 {
    unsafe { *p }
}
