pub struct Vec<T> {
    ptr: *mut T,
    len: usize,
}

impl<T> Vec<T> {
    pub const fn new() -> Self {
        loop {}
    }

    /// # Safety
    ///
    /// `ptr` must come from a `Vec<T>` of capacity `capacity`.
    pub unsafe fn from_raw_parts(ptr: *mut T, length: usize, capacity: usize) -> Self {
        loop {}
    }
}
