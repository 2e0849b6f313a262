// declared by src/bin/tool.rs; no main.rs here, so not a binary
// item path: shared::g
pub fn g(p: *const u8) -> u8 {
    unsafe { *p }
}
