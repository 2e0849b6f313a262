/// Reads the value at `src`.
///
/// # Safety
///
/// `src` must be valid for reads, aligned and point to an initialized `T`.
pub const unsafe fn read<T>(src: *const T) -> T {
    loop {}
}

pub const fn null<T>() -> *const T {
    loop {}
}

pub struct NonNull<T> {
    pointer: *const T,
}

impl<T> NonNull<T> {
    /// # Safety
    ///
    /// `ptr` must be non-null.
    pub const unsafe fn new_unchecked(ptr: *mut T) -> Self {
        loop {}
    }

    pub fn new(ptr: *mut T) -> Option<Self> {
        loop {}
    }
}
