// A trait's method is indexed under the trait's name for each impl as well (`Tr::get` of `impl Tr
// for A` returns A's `*const u8`). A call by the trait's path reads the trait's own declaration, and
// the impl for the type of its `self` argument says what it returns: `Tr::get(a)` is a `*const u8`,
// `Tr::get(b)` a `&u8`. A method called by name alone is known by its signature only where every
// method of that name has the same one.

pub trait Tr {
    type Out;
    fn get(&self) -> Self::Out;
}

pub struct A(*const u8);
pub struct B(&'static u8);

impl Tr for B {
    type Out = &'static u8;
    fn get(&self) -> &'static u8 {
        self.0
    }
}

impl Tr for A {
    type Out = *const u8;
    fn get(&self) -> *const u8 {
        self.0
    }
}

pub fn by_the_traits_path(a: &A) -> u8 {
    // SAFETY: an `A` holds a pointer to a live byte.
    unsafe { *Tr::get(a) } //~ op
}

// ok: B's `get` returns a reference (the last impl in the file is A's: it must not decide).
pub fn reference_by_the_traits_path(b: &B) -> u8 {
    let none: *const u8 = std::ptr::null();
    let _ = none;
    let r = Tr::get(b);
    *Tr::get(b) + *<B as Tr>::get(b) + *r + *b.get()
}

// ok: through a bound the trait's `Self::Out` is what the bound fixes.
pub fn generic<T: Tr<Out = &'static u8>>(t: &T) -> u8 {
    let none: *const u8 = std::ptr::null();
    let _ = none;
    *Tr::get(t) + *t.get()
}

pub struct C(u8);

static BYTE: u8 = 7;

impl Tr for C {
    type Out = &'static u8;
    fn get(&self) -> &'static u8 {
        &BYTE
    }
}

impl Tr for &C {
    type Out = *const u8;
    fn get(&self) -> *const u8 {
        &self.0
    }
}

// ok: with an impl for `&C` beside the one for `C`, which one `Tr::get(&c)` calls depends on how
// `get` takes `self`: the model does not tell, and stays silent (here it is C's, a reference).
pub fn impls_for_a_type_and_its_reference(c: &C) -> u8 {
    let none: *const u8 = std::ptr::null();
    let _ = none;
    *Tr::get(c)
}
