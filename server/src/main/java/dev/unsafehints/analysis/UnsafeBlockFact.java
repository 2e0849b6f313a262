package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** An {@code unsafe { }} block with the operations directly inside it (not in nested unsafe blocks). */
public final class UnsafeBlockFact {
    private final ParserRuleContext context;
    private final Token unsafeKeyword;
    private final TextRange range;
    private final UnsafeBlockFact enclosingBlock;
    private final FunctionFact function;
    private final SafetyComments.Coverage safety;
    private final TextRange safetyComment;
    private final int statementCount;
    final List<UnsafeOperation> operations = new ArrayList<>();
    final List<UnsafeOperation> uncertainOperations = new ArrayList<>();

    UnsafeBlockFact(ParserRuleContext context, Token unsafeKeyword, TextRange range, UnsafeBlockFact enclosingBlock,
                    FunctionFact function, SafetyComments.Coverage safety, TextRange safetyComment,
                    int statementCount) {
        this.context = context;
        this.unsafeKeyword = unsafeKeyword;
        this.range = range;
        this.enclosingBlock = enclosingBlock;
        this.function = function;
        this.safety = safety;
        this.safetyComment = safetyComment;
        this.statementCount = statementCount;
    }

    public ParserRuleContext context() {
        return context;
    }

    public Token unsafeKeyword() {
        return unsafeKeyword;
    }

    /** The whole block, from {@code unsafe} to its closing brace. */
    public TextRange range() {
        return range;
    }

    public UnsafeBlockFact enclosingBlock() {
        return enclosingBlock;
    }

    public FunctionFact function() {
        return function;
    }

    /**
     * A {@code SAFETY:} comment covers the block, where clippy accepts one, and it is not the
     * unedited template (a {@code <...>} placeholder is no argument).
     */
    public boolean isSafetyCommented() {
        return safety == SafetyComments.Coverage.COMMENTED;
    }

    /**
     * Where the comments holding the block's {@code SAFETY:} marker are (from the first comment's
     * start to the last one's end), or null when no comment covers it: the hover quotes what the
     * rule accepted.
     */
    public TextRange safetyComment() {
        return safetyComment;
    }

    /** The SAFETY comment is there but still holds the template's placeholder. */
    public boolean isSafetyTemplate() {
        return safety == SafetyComments.Coverage.TEMPLATE;
    }

    /** Statements directly in the block, the trailing expression included. */
    public int statementCount() {
        return statementCount;
    }

    /** Unsafe operations the analysis is sure of, directly in this block. */
    public List<UnsafeOperation> operations() {
        return List.copyOf(operations);
    }

    /**
     * Calls and dereferences whose unsafety the analysis could not decide (an unknown callee, a
     * pointer of unknown type): the block may or may not need to be unsafe for them.
     */
    public List<UnsafeOperation> uncertainOperations() {
        return List.copyOf(uncertainOperations);
    }

    /** Whether the block holds macro calls or uncertain operations that might be unsafe. */
    boolean mayHoldHiddenOperations;

    public boolean mayHoldHiddenOperations() {
        return mayHoldHiddenOperations;
    }
}
