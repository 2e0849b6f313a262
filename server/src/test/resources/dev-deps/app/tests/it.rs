#[test]
fn writes() {
    let mut x = 0u8;
    // SAFETY: `x` is a live local, valid for a write.
    unsafe { devsys::poke(&mut x) };
    assert_eq!(x, 7);
    assert_eq!(app::one(), 1);
}

#[test]
fn pokes_a_cell() {
    let mut cell = devsys::Cell::new();
    // SAFETY: `cell` is a local: no other reference to it exists.
    unsafe { cell.poke_unchecked() };
    assert_eq!(cell.get(), 7);
}
