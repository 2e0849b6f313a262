pub struct __m128i(i64, i64);

mod sse2;
pub use self::sse2::*;
