mod raw;

pub use raw::{from_raw_parts, from_ref};
