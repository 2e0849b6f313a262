pub struct Parker;

impl Parker {
    /// # Safety
    /// Only the parked thread calls it.
    pub unsafe fn prepare(&self) {}
}
