// Writes the crate's C declarations at build time, as bindgen's users do.
fn main() {
    let out = std::env::var("OUT_DIR").unwrap();
    std::fs::write(
        format!("{out}/bindings.rs"),
        "extern \"C\" {\n    pub fn gen_abs(n: i32) -> i32;\n}\n",
    )
    .unwrap();
}
