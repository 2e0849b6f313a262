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
    final List<CodeSite> codeSites = new ArrayList<>();
    final List<ExpansionNote> expansionNotes = new ArrayList<>();
    final List<UnsafeItem> unsafeItems = new ArrayList<>();
    final List<LinkageAttribute> linkageAttributes = new ArrayList<>();

    /**
     * A call of one of the crate's macros that the analysis wanted to see into (it writes or is
     * passed `unsafe`, or stands in unsafe code) and could not expand: why, in words.
     */
    public record ExpansionNote(TextRange range, String macroName, String message) {
    }

    /**
     * A site that a guideline rule reports, found during the walk (an unsafe impl without a SAFETY
     * comment, a public unsafe trait without `# Safety`), without words: the rule writes them.
     *
     * @param name the trait's name (the implemented trait's for an impl; empty when it has none)
     */
    public record ContextualSite(Kind kind, TextRange range, String name) {

        /** What was found. */
        public enum Kind {
            /** A public unsafe trait whose docs have no `# Safety` section. */
            UNSAFE_TRAIT_WITHOUT_SAFETY_DOC,
            /** An unsafe impl without a SAFETY comment. */
            UNSAFE_IMPL_WITHOUT_SAFETY_COMMENT,
            /** An unsafe impl whose SAFETY comment is still the template. */
            UNSAFE_IMPL_WITH_TEMPLATE_SAFETY_COMMENT
        }
    }

    /**
     * A trait, impl or extern block declared `unsafe`, written in this file (not by a macro's text).
     *
     * @param range from the first token after the outer attributes (the visibility) to the item's end
     * @param name  the trait's name (the implemented trait's for an impl, the ABI for an extern block)
     */
    public record UnsafeItem(Kind kind, TextRange range, String name) {
        public enum Kind { TRAIT, IMPL, EXTERN_BLOCK }
    }

    /**
     * An outer attribute that names or places an item's symbol (`no_mangle`, `export_name`,
     * `link_section`), written plainly, as `unsafe(..)` or inside a `cfg_attr`, on an item of this
     * file (not one a macro's text wrote).
     *
     * @param range    the attribute from its `#` (inside a `cfg_attr`: from the attribute's name)
     * @param itemName the name of the item it is on
     */
    public record LinkageAttribute(String name, TextRange range, Target target, String itemName) {
        /** The item the attribute is on. */
        public enum Target { FUNCTION, METHOD, TRAIT_METHOD, FOREIGN_ITEM, STATIC, OTHER }
    }

    static UnsafeFacts of(FileModel model) {
        return new UnsafeFactsBuilder(model).build();
    }

    public List<InventorySite> inventory() {
        return inventory;
    }

    public List<InventorySite> inventory(InventorySite.Kind kind) {
        return inventory.stream().filter(s -> s.kind() == kind).toList();
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

    public List<UnsafeItem> unsafeItems() {
        return unsafeItems;
    }

    public List<LinkageAttribute> linkageAttributes() {
        return linkageAttributes;
    }

    /** The sites guideline rules judge (casts, calls, attributes), in source order. */
    public List<CodeSite> codeSites() {
        return codeSites;
    }

    public List<ContextualSite> contextualSites(ContextualSite.Kind kind) {
        return contextualSites.stream().filter(s -> s.kind() == kind).toList();
    }
}
