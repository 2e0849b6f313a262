#[macro_use]
mod arch;
mod conv;
pub(crate) mod fs;
