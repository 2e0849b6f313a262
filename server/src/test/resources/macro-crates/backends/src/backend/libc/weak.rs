macro_rules! syscall {
    ($nr:expr, $a:expr) => {
        ($nr ^ $a) as i32
    };
}
