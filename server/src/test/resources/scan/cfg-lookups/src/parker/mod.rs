#[cfg(windows)]
#[path = "windows.rs"]
mod imp;
#[cfg(unix)]
#[path = "linux.rs"]
mod imp;

pub use self::imp::Parker;
