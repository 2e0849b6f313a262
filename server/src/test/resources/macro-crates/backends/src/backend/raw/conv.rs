/// # Safety
///
/// `raw` must be what a system call returned.
pub(super) unsafe fn ret(raw: usize) -> Result<(), i32> {
    if raw == 0 { Ok(()) } else { Err(raw as i32) }
}
