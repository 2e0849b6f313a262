// edition: 2024
// In edition 2024, `no_mangle`, `export_name` and `link_section` must be written inside
// `unsafe(...)`: they can break soundness (two symbols with one name, data in a section the
// linker treats specially). Reported where the attribute's content starts, after `#[`. Earlier
// editions accept the plain form, so there nothing is reported. This file does not compile:
// it shows the mistakes.

#[no_mangle] //~ missing-unsafe-attr
pub extern "C" fn plugin_init() -> i32 {
    0
}

#[export_name = "plugin_version"] //~ missing-unsafe-attr
pub extern "C" fn version() -> i32 {
    2
}

#[link_section = ".plugin_meta"] //~ missing-unsafe-attr
pub static META: [u8; 4] = *b"PLG1";

#[inline(never)] #[no_mangle] //~ missing-unsafe-attr
pub extern "C" fn plugin_tick() {}

// ok: the edition 2024 form, with a SAFETY comment saying why no other symbol clashes.
// SAFETY: no other object linked into the program defines `plugin_shutdown`.
#[unsafe(no_mangle)]
pub extern "C" fn plugin_shutdown() {}

// SAFETY: the host looks the symbol up by this exact name and signature.
#[unsafe(export_name = "plugin_name")]
pub extern "C" fn name() -> *const u8 {
    b"demo\0".as_ptr()
}

// ok: attributes that cannot break soundness stay as they are.
#[inline]
#[must_use]
#[cfg(not(test))]
pub fn plain() -> u8 {
    1
}
