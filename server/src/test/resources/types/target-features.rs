// Calls of safe `#[target_feature]` fns: rustc asks for `unsafe` unless the caller's own
// `#[target_feature]`s, with what they imply (`avx2` brings `avx`, `sse4.2`, ... `sse2`), hold
// every feature the callee enables. The target's defaults do not count: `sse2` is always on for
// x86_64, yet a plain fn calling an `sse2` fn needs `unsafe`.

#[target_feature(enable = "sse2")]
pub fn base() -> u32 {
    1
}

#[target_feature(enable = "avx")]
pub fn mid() -> u32 {
    2
}

#[target_feature(enable = "avx2")]
pub fn wide() -> u32 {
    3
}

#[target_feature(enable = "avx512f")]
pub fn widest() -> u32 {
    4
}

pub fn plain() -> u32 {
    // SAFETY: only called where the CPU has SSE2 and AVX2 (checked by the caller).
    unsafe { base() + wide() } //~ op //~ op
}

#[target_feature(enable = "avx2")]
pub fn enabled() -> u32 {
    // SAFETY: only called where the CPU has AVX-512F.
    wide() + mid() + base() + unsafe { widest() } //~ op
}
