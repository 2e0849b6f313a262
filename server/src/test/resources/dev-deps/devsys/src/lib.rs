//! A test helper with an unsafe API, used by `app` only as a dev-dependency.

/// Writes 7 through `p`.
///
/// # Safety
/// `p` must be valid for one write of a byte.
pub unsafe fn poke(p: *mut u8) {
    // SAFETY: the caller promises `p` is valid for a write.
    unsafe { *p = 7 }
}

/// Safe: the same for a reference.
pub fn poke_ref(r: &mut u8) {
    *r = 7;
}

/// A byte that test code sets through an unsafe method.
pub struct Cell {
    byte: u8,
}

impl Cell {
    pub fn new() -> Cell {
        Cell { byte: 0 }
    }

    /// Sets the byte to 7.
    ///
    /// # Safety
    /// No other reference to the cell may be in use (the contract a real API would have).
    pub unsafe fn poke_unchecked(&mut self) {
        self.byte = 7;
    }

    pub fn get(&self) -> u8 {
        self.byte
    }
}
