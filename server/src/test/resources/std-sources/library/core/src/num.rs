pub struct NonZero<T>(T);

impl<T> NonZero<T> {
    /// # Safety
    ///
    /// `n` must not be zero.
    pub const unsafe fn new_unchecked(n: T) -> Self {
        loop {}
    }

    pub fn get(self) -> T {
        self.0
    }
}

pub type NonZeroUsize = NonZero<usize>;
