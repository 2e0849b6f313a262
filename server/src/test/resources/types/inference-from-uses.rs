// Types the model infers from how a value is used rather than from a declaration: a local bound
// without a type and assigned later (`let x;`, `let x = None;`), the value of a `match` or an
// `if`, the integer and pointer atomics (core writes their methods with a macro), a trait
// implemented for `usize`, and the operands of `asm!`, which rustc checks as the caller's code.

use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

pub struct Node {
    pub value: u32,
    pub next: *mut Node,
}

pub trait Packed {
    fn head(self) -> *const Node;
}

impl Packed for usize {
    fn head(self) -> *const Node {
        (self & !3) as *const Node
    }
}

pub struct List {
    pub state: AtomicUsize,
    pub top: AtomicPtr<Node>,
}

pub fn read_later(nodes: &[*mut Node]) -> u32 {
    let current;
    current = nodes[0];
    let mut found = None;
    for n in nodes {
        found = Some(*n);
    }
    // SAFETY: the caller passes valid nodes.
    let mut total = unsafe { (*current).value }; //~ op
    if let Some(last) = found {
        // SAFETY: as above.
        total += unsafe { (*last).value }; //~ op
    }
    total
}

pub fn branches(flag: bool, a: *const Node, b: *const Node) -> u32 {
    let chosen = match flag {
        true => a,
        false => b,
    };
    let other = if flag { b } else { a };
    // SAFETY: the caller passes valid nodes.
    unsafe { (*chosen).value + (*other).value } //~ op //~ op
}

impl List {
    pub fn peek(&self) -> u32 {
        let state = self.state.load(Ordering::Acquire);
        let top = self.top.load(Ordering::Acquire);
        // SAFETY: the list keeps its nodes alive while it is shared.
        unsafe { (*state.head()).value + (*top).value } //~ op //~ op
    }

    pub fn replace(&self, new: *mut Node) -> u32 {
        match self.top.compare_exchange(new, new, Ordering::AcqRel, Ordering::Acquire) {
            Ok(old) => unsafe { (*old).value }, //~ op
            Err(seen) => unsafe { (*seen).value }, //~ op
        }
    }
}

unsafe fn register() -> u64 {
    7
}

#[cfg(target_arch = "x86_64")]
pub fn through_asm() -> u64 {
    let out: u64;
    // SAFETY: the assembly only moves a value between registers.
    unsafe { std::arch::asm!("mov {0}, {1}", out(reg) out, in(reg) register()) }; //~ op //~ op
    out
}
