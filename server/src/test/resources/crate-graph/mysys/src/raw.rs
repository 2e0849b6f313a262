use std::os::raw::{c_char, c_int};

extern "C" {
    /// # Safety
    /// `path` must point to a NUL-terminated string.
    pub fn sys_open(path: *const c_char, flags: c_int) -> c_int;
    pub fn sys_close(fd: c_int) -> c_int;
}
