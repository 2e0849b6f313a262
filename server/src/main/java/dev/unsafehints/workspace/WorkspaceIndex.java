package dev.unsafehints.workspace;

/**
 * What the analysis of one file needs to know about the others: unsafe fns with their module paths
 * and Safety docs, extern items, static muts, unions, pointer-typed fields. Updated per file.
 */
public class WorkspaceIndex {
    public static WorkspaceIndex empty() {
        return new WorkspaceIndex();
    }
}
