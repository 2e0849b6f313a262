package dev.unsafehints.analysis;

import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.parse.SafetyDocs;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/** A function (free, in an impl or trait, or in an extern block) and what the analysis knows of it. */
public final class FunctionFact {
    /** Where the function is declared. */
    public enum Place { FREE, INHERENT_IMPL, TRAIT_IMPL, TRAIT, EXTERN }

    private final RustParser.Function_Context context;
    private final String name;
    private final Token unsafeKeyword;
    private final boolean isPublic;
    private final Place place;
    private final TextRange itemRange;
    private final TextRange signatureRange;
    private final String docs;
    private final Set<String> rawPointerParams;
    private boolean moduleExported = true;
    final List<UnsafeOperation> bodyOperations = new ArrayList<>();

    FunctionFact(RustParser.Function_Context context, String name, Token unsafeKeyword, boolean isPublic, Place place,
                 TextRange itemRange, TextRange signatureRange, String docs, Set<String> rawPointerParams) {
        this.context = context;
        this.name = name;
        this.unsafeKeyword = unsafeKeyword;
        this.isPublic = isPublic;
        this.place = place;
        this.itemRange = itemRange;
        this.signatureRange = signatureRange;
        this.docs = docs;
        this.rawPointerParams = Set.copyOf(rawPointerParams);
    }

    public RustParser.Function_Context context() {
        return context;
    }

    public String name() {
        return name;
    }

    public boolean isUnsafe() {
        return unsafeKeyword != null;
    }

    /** The {@code unsafe} keyword, or null for a safe function. */
    public Token unsafeKeyword() {
        return unsafeKeyword;
    }

    /** Declared {@code pub} (any form) or a trait method, which is as visible as its trait. */
    public boolean isPublic() {
        return isPublic;
    }

    /**
     * Public and reachable from outside the crate as far as the analysis can tell: declared `pub`
     * (or a method of a public trait) in a module chain that is public or re-exported with `pub use`.
     */
    public boolean isExported() {
        return isPublic && moduleExported;
    }

    void setModuleExported(boolean exported) {
        this.moduleExported = exported;
    }

    public Place place() {
        return place;
    }

    /** From the first token after the outer attributes (visibility included) to the end. */
    public TextRange itemRange() {
        return itemRange;
    }

    /** From the first token after the outer attributes to the end of the signature. */
    public TextRange signatureRange() {
        return signatureRange;
    }

    /** The doc comment text (/// and #[doc]) joined with newlines. */
    public String docs() {
        return docs;
    }

    /** A {@code # Safety} section that says something: not the template with its {@code <...>} placeholder. */
    public boolean hasSafetySection() {
        return SafetyDocs.hasWrittenSafetySection(docs);
    }

    /** The words of the {@code # Safety} section (template or not), empty when there is none. */
    public String safetySection() {
        return SafetyDocs.safetySection(docs);
    }

    /** The {@code # Safety} section is there but still the template (it holds a {@code <...>} placeholder). */
    public boolean hasSafetyTemplate() {
        return SafetyDocs.hasSafetySection(docs) && !SafetyDocs.hasWrittenSafetySection(docs);
    }

    public Set<String> rawPointerParams() {
        return rawPointerParams;
    }

    /** Unsafe operations directly in the body, outside any unsafe block. */
    public List<UnsafeOperation> bodyOperations() {
        return List.copyOf(bodyOperations);
    }
}
