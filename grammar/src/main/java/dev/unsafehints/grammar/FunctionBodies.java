package dev.unsafehints.grammar;

/**
 * Where the function bodies of a file are, as {@link BodySkippingTokenSource} met them: each as
 * the code point offsets of its `{` and just after its `}`, in pairs. {@code judged}: the bodies
 * the filter decided on; {@code dropped}: those it left out of the parse. {@code focusEnd} is where
 * the body a focused parse kept ends (see {@link RustParsing#parseUnsafeRelevant(String, Edition, int)}),
 * or -1.
 */
public record FunctionBodies(int[] judged, int[] dropped, int focusEnd) {
    public static final FunctionBodies NONE = new FunctionBodies(new int[0], new int[0], -1);
}
