pub(super) fn ret(raw: i32) -> Result<(), i32> {
    if raw == 0 { Ok(()) } else { Err(raw) }
}
