/// # Safety
///
/// `data` must be valid for reads of `len` elements.
pub const unsafe fn from_raw_parts<'a, T>(data: *const T, len: usize) -> &'a [T] {
    loop {}
}

pub const fn from_ref<T>(s: &T) -> &[T] {
    loop {}
}
