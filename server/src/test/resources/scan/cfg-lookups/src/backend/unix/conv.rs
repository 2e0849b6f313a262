/// # Safety
/// None needed; marked unsafe for the test.
pub unsafe fn ret(x: i32) -> i32 {
    x
}
