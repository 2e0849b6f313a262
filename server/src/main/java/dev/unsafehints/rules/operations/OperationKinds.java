package dev.unsafehints.rules.operations;

import dev.unsafehints.analysis.OperationKind;
import java.util.Optional;

/**
 * The operation rule that reports each kind of unsafe operation, and back: front ends meet
 * findings by rule id and need the kind to state the operation's contract. A switch, so that a new
 * kind without its rule does not compile.
 */
public final class OperationKinds {
    private OperationKinds() {
    }

    public static String ruleId(OperationKind kind) {
        return switch (kind) {
            case RAW_POINTER_DEREF -> RawPointerDerefRule.ID;
            case UNSAFE_CALL -> UnsafeCallRule.ID;
            case STATIC_MUT_ACCESS -> StaticMutAccessRule.ID;
            case UNION_FIELD_ACCESS -> UnionFieldAccessRule.ID;
            case INLINE_ASM -> InlineAsmUseRule.ID;
        };
    }

    /** The kind of operation a rule reports, or empty when the rule is no operation rule. */
    public static Optional<OperationKind> ofRule(String ruleId) {
        for (OperationKind kind : OperationKind.values()) {
            if (ruleId(kind).equals(ruleId)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
