// Every `unsafe trait` is inventoried at its `unsafe` keyword.

/// Types that may be created from any bit pattern.
///
/// # Safety
///
/// Every bit pattern of `size_of::<Self>()` bytes must be a valid value of the type.
pub unsafe trait FromBytes: Sized { //~ unsafe-trait
    fn read_from(bytes: &[u8]) -> Option<Self>;
}

unsafe trait Marker {} //~ unsafe-trait

pub(crate) unsafe trait GlobalHook { //~ unsafe-trait
    /// # Safety
    ///
    /// Must only be called once, before any thread is spawned.
    unsafe fn install(&self);
}

pub unsafe trait Tagged<T: Copy>: Marker where T: Default {} //~ unsafe-trait

// ok: a safe trait, even one with unsafe methods.
pub trait Device {
    /// # Safety
    ///
    /// The device must be mapped.
    unsafe fn poke(&self, value: u32);
}

// ok: implementing an unsafe trait is `unsafe-impl`, not `unsafe-trait`.
// SAFETY: `u8` has no invalid bit pattern.
unsafe impl Marker for u8 {}
