//! A growable byte buffer with a read cursor.
use std::ptr;

pub struct Buffer {
    data: Vec<u8>,
    read: usize,
}

impl Buffer {
    pub fn with_capacity(capacity: usize) -> Self {
        Buffer { data: Vec::with_capacity(capacity), read: 0 }
    }

    pub fn push(&mut self, bytes: &[u8]) {
        self.data.extend_from_slice(bytes);
    }

    pub fn remaining(&self) -> usize {
        self.data.len() - self.read
    }

    /// Copies up to `out.len()` unread bytes into `out`.
    pub fn read_into(&mut self, out: &mut [u8]) -> usize {
        let n = out.len().min(self.remaining());
        // SAFETY: both ranges are in bounds and do not overlap.
        unsafe {
            ptr::copy_nonoverlapping(self.data.as_ptr().add(self.read), out.as_mut_ptr(), n);
        }
        self.read += n;
        n
    }

    fn compact(&mut self) {
        if self.read > 0 {
            self.data.drain(..self.read);
            self.read = 0;
        }
    }
}

pub fn checksum(bytes: &[u8]) -> u32 {
    let mut sum: u32 = 0;
    for b in bytes {
        sum = sum.wrapping_mul(31).wrapping_add(*b as u32);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back() {
        let mut b = Buffer::with_capacity(4);
        b.push(&[1, 2, 3]);
        let mut out = [0u8; 2];
        assert_eq!(b.read_into(&mut out), 2);
        assert_eq!(out, [1, 2]);
    }
}
