pub fn configure() {
    // SAFETY: called before any thread starts.
    unsafe {
        std::env::set_var("a", "b"); //~ unsafe-call
    }
}
