mod ffi;

pub fn via_dependency(x: &mut u8) {
    // SAFETY: `x` is a live exclusive reference.
    unsafe { sys::poke(x) }
}

pub fn via_module(x: &mut u8) {
    // SAFETY: `x` is a live exclusive reference.
    unsafe { ffi::local_poke(x) }
}
