// Every `asm!` used as an expression or statement inside a function, where the macro call
// starts: each is an unsafe operation. `global_asm!` at item level is only inventory.

#![cfg(target_arch = "x86_64")]

use std::arch::{asm, global_asm};

// ok: module-level assembly is not an operation inside a function (see `inline-asm`).
global_asm!(".globl fixture_nop", "fixture_nop:", "    ret");

pub fn double(x: u64) -> u64 {
    let out: u64;
    // SAFETY: `lea` reads `x`'s register and writes `out`'s, and touches neither memory nor stack.
    unsafe {
        asm!("lea {o}, [{i} + {i}]", i = in(reg) x, o = out(reg) out, options(pure, nomem, nostack)); //~ inline-asm-use
    }
    out
}

pub fn read_tsc() -> u64 {
    let (lo, hi): (u32, u32);
    // SAFETY: `rdtsc` only writes `eax` and `edx`, which are declared as outputs.
    unsafe { std::arch::asm!("rdtsc", out("eax") lo, out("edx") hi, options(nomem, nostack)) }; //~ inline-asm-use
    ((hi as u64) << 32) | lo as u64
}

pub fn two_hints() {
    // SAFETY: `pause` and `nop` have no effects a Rust program can observe.
    unsafe {
        asm!("pause", options(nomem, nostack)); //~ inline-asm-use
        core::arch::asm!( //~ inline-asm-use
            "nop",
            options(nomem, nostack, preserves_flags),
        );
    }
}

// ok: safe wrappers from std instead of hand-written assembly.
pub fn portable() -> u32 {
    std::hint::spin_loop();
    7_u32.count_ones()
}
