//! A `-sys` crate whose declarations its build script generates: the scan cannot read them.
include!(concat!(env!("OUT_DIR"), "/bindings.rs"));

/// A safe helper written in the sources.
pub fn gen_version() -> i32 {
    2
}
