//! Calls what another file's macros 2.0 write, and a macro 2.0 of another module by its path.
pub fn get(p: *const i32) -> i32 {
    // SAFETY: the caller passes a readable pointer.
    unsafe { crate::get_int(p) } //~ unsafe-call
}

pub fn read(p: *const i32) -> i32 {
    crate::read_int!(p) //~ raw-pointer-deref
}

pub fn safe(p: *const i32) -> i32 {
    // a function of the name the macro is called by is not the macro
    read_int(p)
}

fn read_int(p: *const i32) -> i32 {
    p as i32
}
