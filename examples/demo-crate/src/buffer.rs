use std::alloc::{alloc, dealloc, Layout};

/// A fixed-size byte buffer on the heap, managed by hand.
pub struct RawBuffer {
    ptr: *mut u8,
    len: usize,
}

impl RawBuffer {
    pub fn new(len: usize) -> RawBuffer {
        assert!(len > 0);
        let layout = Layout::array::<u8>(len).unwrap();
        let ptr = unsafe { alloc(layout) };
        RawBuffer { ptr, len }
    }

    pub fn set(&mut self, i: usize, v: u8) {
        assert!(i < self.len);
        // SAFETY: `i < len` and `ptr` points to `len` bytes allocated in `new`.
        unsafe { *self.ptr.add(i) = v };
    }
}

impl Drop for RawBuffer {
    fn drop(&mut self) {
        let layout = Layout::array::<u8>(self.len).unwrap();
        unsafe { dealloc(self.ptr, layout) }
    }
}

// SAFETY: RawBuffer owns its allocation exclusively; moving it to another thread moves the ownership.
unsafe impl Send for RawBuffer {}
