// Modules whose files exist only under conditions: one file declared twice under different cfgs
// (compiled when either holds), and modules declared in the branches of `cfg_if!`.
#[cfg(target_os = "linux")]
mod sys;
#[cfg(target_os = "macos")]
mod sys;

cfg_if::cfg_if! {
    if #[cfg(unix)] {
        mod unix;
        pub fn a(p: *const u8) -> u8 { unsafe { *p } }
    } else if #[cfg(windows)] {
        mod windows;
    } else {
        mod other;
        pub fn b(p: *const u8) -> u8 { unsafe { *p } }
    }
}

cfg_if::cfg_if! {
    if #[cfg(test)] {
        mod tests;
    }
}
