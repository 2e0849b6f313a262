// Impls written inside `const _: () = { .. };` (derive macros write them so, and crates that keep an
// impl together with the `use`s it needs) are the type's impls like any other: their `unsafe fn`s
// are unsafe to call from anywhere, by path or as methods.

pub struct Index {
    len: usize,
}

const _: () = {
    use core::mem::size_of;

    impl Index {
        /// # Safety
        /// `len` entries must be reserved.
        pub unsafe fn build(len: usize) -> Index {
            Index { len: len * size_of::<u8>() }
        }

        /// # Safety
        /// The index must have been built.
        pub unsafe fn entries(&self) -> usize {
            self.len
        }
    }
};

pub struct Other;

impl Other {
    pub fn entries(&self) -> usize {
        0
    }
}

pub fn build_one() -> usize {
    // SAFETY: one entry is reserved here.
    let index = unsafe { Index::build(1) }; //~ op
    // SAFETY: it was built just above.
    let n = unsafe { index.entries() }; //~ op
    n + Other.entries()
}
