#[test]
fn reads() {
    let v = [1u8];
    assert_eq!(unsafe { *v.as_ptr() }, 1);
}
