use own_library::util;

#[test]
fn reads() {
    let x = 3u8;
    // SAFETY: `x` is a live local.
    assert_eq!(unsafe { own_library::raw_read(&x) }, 3); // unsafe-call: own_library::raw_read
    // SAFETY: `go` has no contract.
    unsafe { util::go() }; // unsafe-call: util::go
}
