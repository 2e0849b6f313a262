/// Sets an environment variable.
///
/// # Safety
///
/// No other thread may read or write the environment at the same time.
#[rustc_deprecated_safe_2024(audit_that = "the environment access only happens in single-threaded code")]
pub unsafe fn set_var(key: &str, value: &str) {}
