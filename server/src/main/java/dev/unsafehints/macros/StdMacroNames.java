package dev.unsafehints.macros;

import java.util.Set;

/**
 * The names of the built-in and standard library macros. A call of one of these is never expanded
 * from a definition found by name elsewhere (a crate may shadow one locally, in the same file):
 * they keep their own handling (the arguments of `assert!`, the branches of `cfg_if!`).
 */
public final class StdMacroNames {
    private static final Set<String> NAMES = Set.of("assert", "assert_eq", "assert_ne", "debug_assert",
            "debug_assert_eq", "debug_assert_ne", "println", "print", "eprintln", "eprint", "format", "format_args",
            "write", "writeln", "panic", "unreachable", "todo", "unimplemented", "dbg", "vec", "matches", "cfg",
            "concat", "stringify", "include", "include_str", "include_bytes", "env", "option_env", "line", "file",
            "column", "module_path", "compile_error", "try", "thread_local", "asm", "global_asm", "addr_of",
            "addr_of_mut", "cfg_if", "cfg_select", "offset_of");

    private StdMacroNames() {
    }

    public static boolean contains(String name) {
        return NAMES.contains(name);
    }
}
