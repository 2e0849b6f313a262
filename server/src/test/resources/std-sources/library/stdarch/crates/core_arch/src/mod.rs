mod x86;

pub mod arch {
    pub mod x86_64 {
        pub use crate::core_arch::x86::*;
    }
}
