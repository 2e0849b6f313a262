package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.grammar.Edition;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The names that `use` gives to macros writing `unsafe` are signs too (a safe body calling one is
 * parsed), and following re-exports between crates ends even where they lead back to a crate being
 * looked at (std's crates import each other in test code; before, this recursed without end).
 */
class RenamedMacrosTest {
    private static final Path A = Path.of("/virtual/a");
    private static final Path B = Path.of("/virtual/b");
    private static final CrateInfo CRATE_A = new CrateInfo(A, "a", "0.1.0", Edition.E2021);
    private static final CrateInfo CRATE_B = new CrateInfo(B, "b", "0.1.0", Edition.E2021);

    @Test
    void renamedAndReexportedMacrosWritingUnsafeAreNamedAndACycleEnds() {
        WorkspaceIndex index = WorkspaceIndex.empty();
        index.update(CRATE_A, FileDeclarations.read(A.resolve("src/lib.rs"), CRATE_A, """
                #[macro_export]
                macro_rules! write_a { () => { unsafe { f() } } }
                macro_rules! safe_a { () => { 1 } }
                use crate::write_a as local_a;
                use safe_a as still_safe;
                pub use b::write_b as from_b;
                """));
        index.update(CRATE_B, FileDeclarations.read(B.resolve("src/lib.rs"), CRATE_B, """
                #[macro_export]
                macro_rules! write_b { () => { unsafe { g() } } }
                pub use a::write_a as from_a;
                """));
        index.setDependencies(Map.of(A, Map.of("b", B), B, Map.of("a", A)));

        Set<String> names = index.macrosWritingUnsafe(CRATE_A, A.resolve("src/lib.rs"));
        assertTrue(names.containsAll(Set.of("write_a", "local_a", "from_b", "write_b")), names::toString);
        assertEquals(false, names.contains("still_safe"), names::toString);
        assertTrue(index.macrosWritingUnsafe(CRATE_B, B.resolve("src/lib.rs")).contains("write_b"));
    }
}
