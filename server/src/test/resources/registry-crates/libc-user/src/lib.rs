//! What a child's exit says, read from the `siginfo_t` that `waitid` fills in.

pub fn child_of(info: &libc::siginfo_t) -> (libc::pid_t, libc::uid_t, libc::c_int) {
    // SAFETY: `waitid` filled `info` for a child's state change, so the sigchld fields are set.
    let pid = unsafe { info.si_pid() };
    // SAFETY: as above.
    let uid = unsafe { info.si_uid() };
    // SAFETY: as above.
    let status = unsafe { info.si_status() };
    (pid, uid, status)
}

pub fn by_pointer(info: *const libc::siginfo_t) -> libc::pid_t {
    // SAFETY: the caller passes a pointer to a `siginfo_t` that `waitid` filled in.
    unsafe { (*info).si_pid() }
}

pub fn fault_address(info: &libc::siginfo_t) -> *mut libc::c_void {
    // SAFETY: `info` describes a SIGSEGV, whose address field is set.
    unsafe { info.si_addr() }
}

// ok: the plain fields of `siginfo_t` are safe to read.
pub fn signal_number(info: &libc::siginfo_t) -> (libc::c_int, libc::c_int) {
    (info.si_signo, info.si_code)
}
