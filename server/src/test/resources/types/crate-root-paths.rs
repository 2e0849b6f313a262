// A path that starts with `::` names a crate (edition 2018 on): `::core::mem::replace` is core's, never
// the child module `core` of the module it is written in, which only `self::core` names.

pub mod shadow {
    mod core {
        pub mod mem {
            pub fn replace<T>(slot: &mut T, _value: T) -> *const T {
                slot as *const T
            }
        }
    }

    pub fn through_the_crate(slot: &mut &u8) -> u8 {
        // core's `replace` returns the old `&u8`: reading through it is safe
        *::core::mem::replace(slot, &0)
    }

    pub fn through_the_module(slot: &mut u8) -> u8 {
        // SAFETY: the pointer comes from a live reference.
        unsafe { *self::core::mem::replace(slot, 0) } //~ op
    }

    pub fn pointers_of_the_crate() -> u8 {
        let p = ::core::ptr::null::<u8>();
        let q: *const u8 = ::core::ptr::without_provenance(8);
        // SAFETY: only compiled, never called.
        unsafe { *p + ::core::ptr::read(q as _) } //~ op //~ op
    }
}
