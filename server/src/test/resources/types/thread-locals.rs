// `thread_local!` statics: each is a `LocalKey<T>` that the macro writes, whose `with` and
// `try_with` call their closure with a `&T` and return (a `Result` of) what it returns.

use std::cell::Cell;

pub struct ThreadData {
    pub parked: Cell<bool>,
    pub next: *const ThreadData,
}

impl ThreadData {
    fn new() -> ThreadData {
        ThreadData { parked: Cell::new(false), next: std::ptr::null() }
    }
}

thread_local! {
    static CURRENT: Cell<*mut u8> = Cell::new(std::ptr::null_mut());
    #[allow(dead_code)]
    pub static COUNT: Cell<usize> = const { Cell::new(0) };
}

thread_local!(static HEAD: ThreadData = ThreadData::new());

pub fn with_thread_data<T>(f: impl FnOnce(&ThreadData) -> T) -> T {
    let mut storage = None;
    thread_local!(static THREAD_DATA: ThreadData = ThreadData::new());
    let ptr = THREAD_DATA
        .try_with(|x| x as *const ThreadData)
        .unwrap_or_else(|_| storage.get_or_insert_with(ThreadData::new));
    f(unsafe { &*ptr }) //~ op
}

pub fn current_byte() -> u8 {
    let p = CURRENT.with(|c| c.get());
    unsafe { *p } //~ op
}

pub fn next_parked() -> bool {
    HEAD.with(|h| unsafe { (*h.next).parked.get() }) //~ op
}

pub fn count() -> usize {
    // the closure's parameter is a reference: reading through it is safe
    COUNT.with(|c| {
        let r = &*c;
        r.get()
    })
}
