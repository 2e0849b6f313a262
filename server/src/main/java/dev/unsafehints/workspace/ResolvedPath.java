package dev.unsafehints.workspace;

import java.util.List;

/**
 * What a path into a crate named once resolved, kept in that crate's view so that the many call
 * sites writing the same path resolve it once: the functions found and every dependency view the
 * resolution looked up on the way, which it still holds only while each lookup answers the same
 * view (a dependency re-indexed in the language server is a new view).
 */
public record ResolvedPath(List<DeclaredFn> functions, List<DependencyLookup> lookups) {

    /** One {@code from.dependency(name)} of the resolution and the view it answered (or null). */
    public record DependencyLookup(WorkspaceIndex.CrateDeclarations from, String name,
            WorkspaceIndex.CrateDeclarations answer) {
    }

    public ResolvedPath {
        functions = List.copyOf(functions);
        lookups = List.copyOf(lookups);
    }

    /** Whether every dependency lookup still answers what it did. */
    public boolean stillHolds() {
        for (DependencyLookup l : lookups) {
            if (l.from().dependency(l.name()) != l.answer()) {
                return false;
            }
        }
        return true;
    }
}
