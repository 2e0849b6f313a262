//! The library's own code names no dev-dependency; its unit tests do.

pub fn one() -> u8 {
    let mut x = 0;
    local::set(&mut x);
    x
}

mod local {
    pub fn set(p: &mut u8) {
        *p = 1;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pokes() {
        let mut x = 0u8;
        // SAFETY: `x` is a live local, valid for a write.
        unsafe { devsys::poke(&mut x) };
        devsys::poke_ref(&mut x);
        assert_eq!(x, 7);
    }

    #[test]
    fn pokes_a_cell() {
        let mut cell = devsys::Cell::new();
        // SAFETY: `cell` is a local: no other reference to it exists.
        unsafe { cell.poke_unchecked() };
        assert_eq!(cell.get(), 7);
    }
}

#[test]
fn a_test_fn_outside_cfg_test() {
    let mut x = 0u8;
    // SAFETY: `x` is a live local, valid for a write.
    unsafe { devsys::poke(&mut x) };
    assert_eq!(x, 7);
}
