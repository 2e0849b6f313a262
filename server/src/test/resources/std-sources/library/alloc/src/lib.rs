pub mod slice;
pub mod vec;
