use super::__m128i;

/// Loads 128 bits from memory.
#[target_feature(enable = "sse2")]
pub unsafe fn _mm_loadu_si128(mem_addr: *const __m128i) -> __m128i {
    loop {}
}

/// Adds packed 8-bit integers: safe where `sse2` is enabled.
#[target_feature(enable = "sse2")]
pub fn _mm_add_epi8(a: __m128i, b: __m128i) -> __m128i {
    loop {}
}
