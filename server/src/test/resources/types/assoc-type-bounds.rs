// A trait's bound on its own associated type (`type Item: Pokes;`) says which methods a value of
// `T::Item` has, where no bound of `T` fixes the type: `h.item().poke()` calls `Pokes::poke`, also
// through a supertrait, a written `H::Item`, `<H as Holder>::Item` and `Self::Item` in the trait's
// own default methods. Here another type's safe `poke` shares the name, so only the type tells.

pub trait Pokes {
    /// # Safety
    /// Only the fixture calls it, on nothing that matters.
    unsafe fn poke(&self) -> u8;
    fn look(&self) -> u8;
}

pub trait Looks {
    fn poke(&self) -> u8;
}

pub struct Plain;

impl Plain {
    pub fn poke(&self) -> u8 {
        0
    }
}

pub trait Holder {
    type Item: Pokes;
    type Seen: Looks;
    type Free;
    fn item(&self) -> Self::Item;
    fn seen(&self) -> Self::Seen;
    fn free(&self) -> Self::Free;
}

pub trait SubHolder: Holder {}

pub fn through_the_bound<H: Holder>(h: &H) -> u8 {
    // SAFETY: nothing to uphold.
    unsafe { h.item().poke() } //~ op
}

pub fn through_a_supertrait<H>(h: &H) -> u8
where
    H: SubHolder,
{
    let it = h.item();
    // SAFETY: as above.
    unsafe { it.poke() } //~ op
}

pub fn written_types<H: Holder>(x: H::Item, y: <H as Holder>::Item) -> u8 {
    // SAFETY: as above.
    unsafe { x.poke() + y.poke() } //~ op //~ op
}

pub trait Defaulted: Holder {
    fn use_it(&self) -> u8 {
        // SAFETY: as above.
        unsafe { self.item().poke() } //~ op
    }
}

// ok: the bound's safe method, and another trait's safe `poke` that bounds another associated type.
pub fn safe_ones<H: Holder>(h: &H) -> u8 {
    h.item().look() + h.seen().poke() + Plain.poke()
}

// ok: a bound that fixes the type wins over the trait's own bound (here `Plain`, whose `poke` is safe).
pub fn fixed_by_the_caller<H: Holder<Item = Plain>>(h: &H) -> u8 {
    h.item().poke()
}

pub struct Wrapper<T>(T);

impl<T: Holder> Wrapper<T> {
    pub fn inner(&self) -> u8 {
        // SAFETY: as above.
        unsafe { self.0.item().poke() } //~ op
    }
}

impl Pokes for Plain {
    unsafe fn poke(&self) -> u8 {
        1
    }
    fn look(&self) -> u8 {
        2
    }
}
