package dev.unsafehints.analysis;

import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.List;
import java.util.Set;

/** The unsafe methods of `core::ptr::NonNull`, and when a call on a `NonNull` receiver surely means one. */
final class NonNullMethods {
    private NonNullMethods() {
    }

    /** `NonNull` methods declared `unsafe fn` (its `as_ptr`, `cast`, `addr`, ... are safe). */
    static final Set<String> UNSAFE = Set.of(
            "as_ref", "as_mut", "as_uninit_ref", "as_uninit_mut", "as_uninit_slice", "as_uninit_slice_mut",
            "add", "sub", "offset", "byte_add", "byte_sub", "byte_offset", "offset_from", "byte_offset_from",
            "offset_from_unsigned", "read", "read_volatile", "read_unaligned", "write", "write_volatile",
            "write_unaligned", "write_bytes", "copy_to", "copy_to_nonoverlapping", "copy_from",
            "copy_from_nonoverlapping", "drop_in_place", "replace", "swap");

    /**
     * Whether a crate method of this name could be the one a `NonNull` receiver calls. A method of a
     * crate struct or union cannot (`NonNull` does not deref to it; for a trait impl, the self-type
     * entry names the struct). Any other owner (`NonNull` itself, a trait, a generic or an enum) might.
     */
    static boolean crateMethodCouldBeMeant(WorkspaceIndex.CrateDeclarations crate, String name) {
        List<DeclaredFn> fns = crate.functionsNamed(name);
        for (DeclaredFn fn : fns) {
            if (fn.owner() != null && !crate.declaresStructOrUnion(fn.owner()) && !isTraitHalfOfStructImpl(fn, fns, crate)) {
                return true;
            }
        }
        return false;
    }

    /** A trait impl's method is listed twice, under the trait and under the self type (same position). */
    private static boolean isTraitHalfOfStructImpl(DeclaredFn fn, List<DeclaredFn> sameName,
                                                   WorkspaceIndex.CrateDeclarations crate) {
        for (DeclaredFn other : sameName) {
            if (other != fn && other.owner() != null && crate.declaresStructOrUnion(other.owner())
                    && java.util.Objects.equals(other.file(), fn.file()) && other.position().equals(fn.position())) {
                return true;
            }
        }
        return false;
    }
}
