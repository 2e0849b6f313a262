package dev.unsafehints.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.unsafehints.grammar.Edition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.DeclaredFn;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A path resolved once is answered from the crate's view afterwards, and that answer follows the
 * dependencies it went through: when the language server indexes a dependency's file again, the
 * re-exporting crate's view stays the same object, but the path now names the new declaration.
 */
class DependencyPathsTest {
    private static final Path A = Path.of("/virtual/a");
    private static final Path B = Path.of("/virtual/b");
    private static final CrateInfo CRATE_A = new CrateInfo(A, "a", "0.1.0", Edition.E2021);
    private static final CrateInfo CRATE_B = new CrateInfo(B, "b", "0.1.0", Edition.E2021);

    @Test
    void aKeptAnswerFollowsTheDependencyItWentThrough() {
        WorkspaceIndex index = WorkspaceIndex.empty();
        FileDeclarations a = FileDeclarations.read(A.resolve("src/lib.rs"), CRATE_A, "pub use b::*;\n");
        index.update(CRATE_A, a);
        index.update(CRATE_B, FileDeclarations.read(B.resolve("src/lib.rs"), CRATE_B,
                "pub unsafe fn f() {}\n"));
        index.setDependencies(Map.of(A, Map.of("b", B)));

        WorkspaceIndex.CrateDeclarations viewOfA = index.crate(CRATE_A, a);
        List<DeclaredFn> first = DependencyPaths.resolve(viewOfA, List.of("f"));
        assertEquals(1, first.size());
        assertEquals(true, first.get(0).isUnsafe());
        assertSame(first, DependencyPaths.resolve(viewOfA, List.of("f")), "the second answer is the kept one");

        index.update(CRATE_B, FileDeclarations.read(B.resolve("src/lib.rs"), CRATE_B, "pub fn f() {}\n"));
        assertSame(viewOfA, index.crate(CRATE_A, a), "a's view is not rebuilt when b changes");
        List<DeclaredFn> after = DependencyPaths.resolve(viewOfA, List.of("f"));
        assertEquals(1, after.size());
        assertEquals(false, after.get(0).isUnsafe());

        index.update(CRATE_B, FileDeclarations.read(B.resolve("src/lib.rs"), CRATE_B, "pub fn g() {}\n"));
        assertEquals(List.of(), DependencyPaths.resolve(viewOfA, List.of("f")));
    }
}
