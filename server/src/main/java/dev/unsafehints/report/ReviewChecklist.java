package dev.unsafehints.report;

import java.util.List;
import java.util.Map;

/**
 * What a reviewer should check at each kind of unsafe site: the questions whose answers make the
 * site sound (or show it is not). Written for people learning to review unsafe Rust.
 */
public final class ReviewChecklist {
    private static final List<String> GENERIC = List.of(
            "Is there a SAFETY comment, and does it argue why every operation here is sound?",
            "Could this be done without unsafe, or with a smaller unsafe region?");

    private static final Map<String, List<String>> BY_RULE = Map.ofEntries(
            Map.entry("unsafe-block", List.of(
                    "Does a SAFETY comment name each operation's precondition and say why it holds here?",
                    "Is the block as small as it can be: only the unsafe operations, no safe code around them?",
                    "Do the invariants it relies on hold on every path into the block, including panics and early returns?")),
            Map.entry("unsafe-fn", List.of(
                    "Does the `# Safety` section list every condition a caller must uphold?",
                    "Does the body check what it can instead of leaving it to callers?",
                    "Are the unsafe operations in the body in their own `unsafe {}` blocks with SAFETY comments?")),
            Map.entry("unsafe-impl", List.of(
                    "Does the type really uphold the trait's contract (for Send/Sync: no unsynchronized shared mutation, no thread-bound data)?",
                    "Is there a SAFETY comment explaining why, and is it still true for every field?")),
            Map.entry("unsafe-trait", List.of(
                    "Does the trait's documentation say exactly what implementors must guarantee?",
                    "Does unsafe code elsewhere rely on more than that documented contract?")),
            Map.entry("extern-block", List.of(
                    "Do the declared signatures match the foreign definitions exactly (types, ABI, nullability)?",
                    "Is each foreign function wrapped in a safe function that checks its arguments?")),
            Map.entry("static-mut", List.of(
                    "Can this be an atomic, a Mutex, a OnceLock or a thread_local! instead?",
                    "If not: what guarantees no two threads (or re-entrant calls) access it at once?")),
            Map.entry("union", List.of(
                    "Is the active field tracked, so reads only use the field last written?",
                    "Are all bit patterns valid for every field that is read?")),
            Map.entry("raw-pointer-cast", List.of(
                    "Is the target type's alignment and size compatible with the data behind the pointer?",
                    "Does a *const-to-*mut cast ever lead to a write through memory that was shared?")),
            Map.entry("raw-borrow", List.of(
                    "Is the raw pointer used only while the place is alive and not moved?",
                    "Is `&raw`/`addr_of!` used because the place may be unaligned or uninitialized, as intended?")),
            Map.entry("inline-asm", List.of(
                    "Are all clobbered registers, memory effects and flags declared in the operands and options?",
                    "Is there a portable alternative (an intrinsic, core::arch) that would do?")),
            Map.entry("unsafe-attr", List.of(
                    "Can the symbol name collide with another symbol in the final binary?",
                    "Does the exported signature match what the other side expects?")),
            Map.entry("raw-pointer-deref", List.of(
                    "Is the pointer non-null, aligned, and pointing into a live allocation of the right type?",
                    "Is the memory initialized, and does no `&mut` to it exist while it is read (or any reference while written)?")),
            Map.entry("unsafe-call", List.of(
                    "Read the callee's `# Safety` section: is each condition met at this call?",
                    "Is the argument that the conditions hold written down in a SAFETY comment?")),
            Map.entry("static-mut-access", List.of(
                    "Is every access to this static synchronized, or provably single-threaded and non-reentrant?",
                    "Is a reference to it ever held across code that could access it again?")),
            Map.entry("union-field-access", List.of(
                    "Is the field read the one that was last written (or valid for every bit pattern)?")),
            Map.entry("inline-asm-use", List.of(
                    "Are the operands and clobbers complete, and does the asm respect Rust's memory model?")));

    private ReviewChecklist() {
    }

    public static List<String> forRule(String ruleId) {
        return BY_RULE.getOrDefault(ruleId, GENERIC);
    }
}
