// The binary is a crate of its own: `crate::`, `util` and `helper` are its own items, and the
// library is `own_library`, as for any dependency.
mod util {
    pub fn go() {}
}

/// # Safety
/// None: the contract of a real API would be here.
unsafe fn helper() {}

fn main() {
    let x = 1u8;
    // SAFETY: `x` is a live local.
    let v = unsafe { own_library::raw_read(&x) }; // unsafe-call: own_library::raw_read
    util::go();
    crate::util::go();
    own_library::helper();
    // SAFETY: `helper` has no contract.
    unsafe { helper() }; // unsafe-call: helper
    let bits = own_library::Bits { f: 1.0 };
    // SAFETY: every bit pattern is a valid `u32`.
    let raw = unsafe { bits.u }; // union-field-access: Bits::u
    println!("{v} {raw}");
}
