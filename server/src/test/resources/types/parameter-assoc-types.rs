// An associated type projected out of a generic parameter is what the parameter's bounds fix it to:
// `T: Source<Output = *const u8>` makes `T::Output`, `<T as Source>::Output` and the `Self::Output`
// that `t.make()` returns a raw pointer. A bound that fixes nothing leaves the type unknown.

pub trait Source {
    type Output;
    fn make(&self) -> Self::Output;
}

pub trait Holder {
    type Item: Pokes;
    fn item(&self) -> Self::Item;
}

pub trait Pokes {
    /// # Safety
    /// Only the test calls it, on nothing that matters.
    unsafe fn poke_it(&self);
}

pub fn by_method<T: Source<Output = *const u8>>(t: &T) -> u8 {
    let p = t.make();
    // SAFETY: the source hands out pointers to live bytes.
    unsafe { *p } //~ op
}

pub fn by_where_clause<T>(t: &T) -> u8
where
    T: Source<Output = *const u8>,
{
    // SAFETY: as above.
    unsafe { *t.make() } //~ op
}

pub fn by_written_type<T: Source<Output = *const u8>>(p: T::Output, q: <T as Source>::Output) -> u8 {
    // SAFETY: as above.
    unsafe { *p + *q } //~ op //~ op
}

pub fn by_reference<T: Source<Output = &'static u8>>(t: &T) -> u8 {
    // a reference: reading through it is safe
    *t.make()
}

pub fn unfixed<T: Source>(t: &T) -> T::Output {
    t.make()
}

pub fn by_bound_of_the_item<H: Holder>(h: &H) {
    let i: H::Item = h.item();
    // SAFETY: nothing to uphold.
    unsafe { i.poke_it() } //~ op
}

pub fn shadowed<T: Source<Output = *const u8>>(t: &T) -> u8 {
    fn inner<T: Source<Output = u8>>(t: &T) -> u8 {
        t.make() + 1
    }
    // SAFETY: as above.
    inner(&0u32) + unsafe { *t.make() } //~ op
}

impl Source for u32 {
    type Output = u8;
    fn make(&self) -> u8 {
        *self as u8
    }
}
