#[macro_use]
mod weak;
mod conv;
pub(crate) mod fs;
