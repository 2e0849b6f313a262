// edition: 2024
// Every attribute written `#[unsafe(...)]` is inventoried at its `unsafe`: the author vouches that
// the attribute cannot break soundness (here: no clash with another symbol of the same name).

// SAFETY: no other object linked into the program defines `fixture_init`.
#[unsafe(no_mangle)] //~ unsafe-attr
pub extern "C" fn fixture_init() -> i32 {
    0
}

// SAFETY: the C side declares exactly `int fixture_version(void)`.
#[unsafe(export_name = "fixture_version")] //~ unsafe-attr
pub extern "C" fn version() -> i32 {
    3
}

// SAFETY: the linker script reserves `.fixture_data` for plain bytes.
#[unsafe(link_section = ".fixture_data")] //~ unsafe-attr
pub static TABLE: [u8; 4] = [1, 2, 3, 4];

#[cfg(target_arch = "x86_64")]
#[doc(hidden)] #[unsafe(naked)] //~ unsafe-attr
pub extern "C" fn one() -> u64 {
    core::arch::naked_asm!("mov eax, 1", "ret")
}

// ok: ordinary attributes, lint attributes that mention unsafe, and `cfg_attr` wrappers of safe ones.
#[inline]
#[allow(unsafe_code)]
#[deny(unsafe_op_in_unsafe_fn)]
#[cfg_attr(test, allow(dead_code))]
pub fn plain() -> u8 {
    1
}

// ok: `#[doc]` text mentioning unsafe(no_mangle) is documentation.
#[doc = "Write #[unsafe(no_mangle)] on exported functions."]
pub fn documented() {}
