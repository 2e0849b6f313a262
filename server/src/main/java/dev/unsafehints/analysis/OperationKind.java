package dev.unsafehints.analysis;

/** The operations that only unsafe code may perform (one operation rule reports each kind). */
public enum OperationKind {
    RAW_POINTER_DEREF("dereference of a raw pointer"),
    UNSAFE_CALL("call to an unsafe function"),
    STATIC_MUT_ACCESS("use of a mutable static"),
    UNION_FIELD_ACCESS("read of a union field"),
    INLINE_ASM("inline assembly");

    private final String description;

    OperationKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
