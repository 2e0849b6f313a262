#[test]
fn writes() {
    let mut x = 0u8;
    // SAFETY: `x` is a live local, valid for a write.
    unsafe { devsys::poke(&mut x) };
    assert_eq!(x, 7);
    assert_eq!(app::one(), 1);
}
