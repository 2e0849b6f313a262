pub struct Parker;

impl Parker {
    pub fn prepare(&self) {}
}
