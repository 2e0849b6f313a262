//! One module with two backends, chosen by a cfg that a build script would set, as rustix picks
//! `libc` or `linux_raw`: each backend has its own `ret` and its own `syscall!`, and code of one
//! backend only ever sees its own.

#[cfg_attr(libc_backend, path = "backend/libc/mod.rs")]
#[cfg_attr(raw_backend, path = "backend/raw/mod.rs")]
mod backend;

pub use backend::fs::chmod;
