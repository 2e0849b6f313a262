package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The unsafe facts of one file, built in one walk of its tree by {@link UnsafeFactsBuilder}: the
 * syntactic inventory, unsafe blocks with their operations, functions, and findings that need the
 * walk's context (casts written through, references to static muts).
 */
public final class UnsafeFacts {
    final List<InventorySite> inventory = new ArrayList<>();
    final List<UnsafeBlockFact> blocks = new ArrayList<>();
    final List<FunctionFact> functions = new ArrayList<>();
    final List<UnsafeOperation> operations = new ArrayList<>();
    final List<ContextualSite> contextualSites = new ArrayList<>();
    final List<ExpansionNote> expansionNotes = new ArrayList<>();

    /**
     * A call of one of the crate's macros that the analysis wanted to see into (it writes or is
     * passed `unsafe`, or stands in unsafe code) and could not expand: why, in words.
     */
    public record ExpansionNote(TextRange range, String macroName, String message) {
    }

    /** A site that a guideline rule reports, found during the walk (e.g. `&x as *mut T`). */
    public record ContextualSite(String ruleId, TextRange range, String message, List<Fix> fixes, Severity severity) {
        public ContextualSite(String ruleId, TextRange range, String message, List<Fix> fixes) {
            this(ruleId, range, message, fixes, null);
        }
    }

    static UnsafeFacts of(FileModel model) {
        return new UnsafeFactsBuilder(model).build();
    }

    public List<InventorySite> inventory() {
        return inventory;
    }

    public List<InventorySite> inventory(String ruleId) {
        return inventory.stream().filter(s -> s.ruleId().equals(ruleId)).toList();
    }

    public List<UnsafeBlockFact> blocks() {
        return blocks;
    }

    public List<FunctionFact> functions() {
        return functions;
    }

    /** Every unsafe operation the analysis is sure of, in source order. */
    public List<UnsafeOperation> operations() {
        return operations;
    }

    public List<UnsafeOperation> operations(OperationKind kind) {
        return operations.stream().filter(o -> o.kind() == kind).toList();
    }

    /** The macro calls that could not be expanded, with the reason. */
    public List<ExpansionNote> expansionNotes() {
        return expansionNotes;
    }

    public List<ContextualSite> contextualSites(String ruleId) {
        return contextualSites.stream().filter(s -> s.ruleId().equals(ruleId)).toList();
    }
}
