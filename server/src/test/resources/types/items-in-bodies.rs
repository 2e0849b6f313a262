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
