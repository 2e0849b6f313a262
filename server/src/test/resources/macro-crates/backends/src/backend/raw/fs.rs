use super::conv::ret;

pub fn chmod(mode: usize) -> Result<(), i32> {
    // SAFETY: 90 is chmod, which takes the mode, and `ret` reads what it returned.
    unsafe { ret(syscall!(90, mode)) } //~ unsafe-call //~ unsafe-call
}
