// Every inline or global assembly macro (`asm!`, `naked_asm!`, `global_asm!`) is inventoried
// where the macro call starts.

#![cfg(target_arch = "x86_64")]

use std::arch::{asm, global_asm};

global_asm!( //~ inline-asm
    ".globl fixture_answer",
    "fixture_answer:",
    "    mov eax, 42",
    "    ret",
);

extern "C" {
    fn fixture_answer() -> u32;
}

pub fn answer() -> u32 {
    // SAFETY: `fixture_answer` only writes `eax` and returns, as the C ABI allows.
    unsafe { fixture_answer() }
}

pub fn add_one(x: u64) -> u64 {
    let mut y = x;
    // SAFETY: the instruction only changes `y`'s register and the flags, which `asm!` assumes clobbered.
    unsafe {
        asm!("add {0}, 1", inout(reg) y); //~ inline-asm
    }
    y
}

pub fn pause() {
    // SAFETY: `pause` has no effect besides a hint to the CPU.
    unsafe { std::arch::asm!("pause", options(nomem, nostack)) } //~ inline-asm
}

#[unsafe(naked)]
pub extern "C" fn zero() -> u64 {
    core::arch::naked_asm!("xor eax, eax", "ret") //~ inline-asm
}

// ok: the text "asm!" in strings and comments is not assembly.
pub fn describe() -> String {
    format!("{} uses asm!(...)", "this crate")
}

// ok: a safe, portable alternative to hand-written assembly.
pub fn spin_hint() {
    std::hint::spin_loop();
}
