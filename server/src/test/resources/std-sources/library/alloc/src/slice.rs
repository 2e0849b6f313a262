pub use core::slice::{from_raw_parts, from_ref};
