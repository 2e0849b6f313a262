fn main() {
    let mut x = 0u8;
    // SAFETY: `x` is a live local, valid for a write.
    unsafe { devsys::poke(&mut x) };
    println!("{x}");
}
