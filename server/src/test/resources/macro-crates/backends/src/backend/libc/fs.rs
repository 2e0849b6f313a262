use super::conv::ret;

pub fn chmod(mode: usize) -> Result<(), i32> {
    ret(syscall!(90, mode))
}
