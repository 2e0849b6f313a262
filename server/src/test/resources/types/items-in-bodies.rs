// Structs and their impls declared inside a fn body: the declarations index reads signatures only,
// so their fields come from the file's own tree (a drop guard, as smallvec's `insert_many` has).

use std::ops::Range;
use std::ptr;

pub fn fill<T: Clone>(start: *mut T, len: usize, value: T) {
    struct DropOnPanic<T> {
        start: *mut T,
        skip: Range<usize>,
        len: usize,
    }

    impl<T> Drop for DropOnPanic<T> {
        fn drop(&mut self) {
            for i in 0..self.len {
                if !self.skip.contains(&i) {
                    unsafe {
                        ptr::drop_in_place(self.start.add(i)); //~ op //~ op
                    }
                }
            }
        }
    }

    let mut guard = DropOnPanic { start, skip: 0..len, len: 0 };
    for i in 0..len {
        unsafe { guard.start.add(i).write(value.clone()) }; //~ op //~ op
        guard.len += 1;
    }
    std::mem::forget(guard);
}

pub fn first(bytes: &[u8]) -> u8 {
    struct View<'a> {
        head: &'a u8,
        raw: *const u8,
    }
    let v = View { head: &bytes[0], raw: bytes.as_ptr() };
    // a reference field reads safely; the raw one does not
    let safe = *v.head;
    safe + unsafe { *v.raw } //~ op
}

// The impl of a struct declared in a fn body sits in the body too: its methods resolve by the
// receiver's type like any other (a guard that hands out its pointer, as parking_lot_core's does).
pub fn through_a_body_impl(raw: *const u8) -> u8 {
    struct Cursor {
        at: *const u8,
    }

    impl Cursor {
        fn position(&self) -> *const u8 {
            self.at
        }

        /// # Safety
        /// `at` must point to a live byte.
        unsafe fn peek(&self) -> u8 {
            self.at as usize as u8 // only the test calls it: no read
        }

        fn offset(&self) -> usize {
            self.at as usize
        }
    }

    let c = Cursor { at: raw };
    let here = c.position();
    let skip = c.offset() as u8;
    // SAFETY: the caller passes a live byte.
    unsafe { *here + c.peek() + skip } //~ op //~ op
}

pub fn a_body_method_returning_a_reference(bytes: &[u8]) -> u8 {
    struct Window<'a> {
        bytes: &'a [u8],
    }

    impl<'a> Window<'a> {
        fn first(&self) -> &'a u8 {
            &self.bytes[0]
        }
    }

    let w = Window { bytes };
    // a reference: reading through it needs no `unsafe`
    *w.first()
}
