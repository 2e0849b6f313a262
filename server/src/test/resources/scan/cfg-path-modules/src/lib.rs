// Modules placed by `#[path]` (also under `cfg_attr`): each file is the module that declares it,
// compiled under that declaration's cfg; a file two declarations place is compiled under either.
#[cfg(windows)]
#[path = "sys/windows.rs"]
mod imp;
#[cfg(unix)]
#[path = "sys/unix.rs"]
mod imp;
#[cfg_attr(target_os = "linux", path = "sys/linux.rs")]
mod other;
#[cfg(any(unix, windows))]
#[path = "shared.rs"]
mod shared_a;
#[cfg(target_os = "wasi")]
#[path = "shared.rs"]
mod shared_b;
