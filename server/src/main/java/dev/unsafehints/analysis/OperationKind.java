package dev.unsafehints.analysis;

/** The operations that only unsafe code may perform, named by the rule that reports each. */
public enum OperationKind {
    RAW_POINTER_DEREF("raw-pointer-deref", "dereference of a raw pointer"),
    UNSAFE_CALL("unsafe-call", "call to an unsafe function"),
    STATIC_MUT_ACCESS("static-mut-access", "use of a mutable static"),
    UNION_FIELD_ACCESS("union-field-access", "read of a union field"),
    INLINE_ASM("inline-asm-use", "inline assembly");

    private final String ruleId;
    private final String description;

    OperationKind(String ruleId, String description) {
        this.ruleId = ruleId;
        this.description = description;
    }

    public String ruleId() {
        return ruleId;
    }

    public String description() {
        return description;
    }
}
