pub use crate::core_arch::arch::*;
