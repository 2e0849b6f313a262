macro_rules! syscall {
    ($nr:expr, $a:expr) => {
        $crate::backend::arch::raw_syscall($nr, $a)
    };
}

/// # Safety
///
/// `nr` must name a system call that takes one argument.
pub(crate) unsafe fn raw_syscall(nr: usize, a: usize) -> usize {
    nr ^ a
}
