pub fn ret(x: i32) -> i32 {
    x
}
