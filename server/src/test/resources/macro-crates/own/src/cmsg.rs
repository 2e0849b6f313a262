use std::os::raw::c_int;

f! {
    /// # Safety
    /// `p` must point to a readable `c_int`.
    pub fn CMSG_LEN(p: *const c_int) -> c_int {
        *p + 1
    }
}

feature! {
    #![feature = "socket"]

    /// # Safety
    /// `fd` must be open.
    pub unsafe fn read_mhdr(fd: c_int) -> c_int {
        fd
    }

    /// Needs no `unsafe` to call.
    pub fn checked(fd: c_int) -> c_int {
        fd
    }
}

pub struct Handle(c_int);

macro_rules! raw_methods {
    ($($name:ident),*) => {
        $(
            /// # Safety
            /// The handle must be open.
            pub unsafe fn $name(&self) -> c_int {
                self.0
            }
        )*
    };
}

impl Handle {
    raw_methods!(raw_fd);
}

macro_rules! c_functions {
    ($($name:ident),*) => { $(pub fn $name(fd: c_int) -> c_int;)* };
}

extern "C" {
    c_functions!(c_close);
}
