package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;

/**
 * One unsafe operation found in the code.
 *
 * @param kind        what the operation is
 * @param range       the whole operation expression, as rustc reports it (a call from its receiver,
 *                    a dereference from the {@code *}, widened over enclosing parentheses)
 * @param what        a short description for messages, e.g. "call to `ptr::read`"
 * @param why         how the analysis knows, e.g. "`p` is declared `*const u8` at line 12"
 * @param declaration where the callee or pointer was declared, or null
 * @param safetyDoc   the callee's "# Safety" section, or empty
 * @param block       the innermost enclosing unsafe block, or null
 * @param function    the enclosing function, or null
 * @param subject     the pointer expression dereferenced, or the callee as written
 * @param arguments   the raw-pointer parameters of the enclosing fn that the operation takes as they
 *                    are: a call's arguments and receiver ({@code p} in {@code ptr::read(p)} and
 *                    {@code p.as_ref()}), the pointer a dereference reads ({@code *p}); a local
 *                    that shadows a parameter is not one
 */
public record UnsafeOperation(OperationKind kind, TextRange range, String subject, String what, String why,
                              RelatedLocation declaration, String safetyDoc,
                              UnsafeBlockFact block, FunctionFact function, java.util.List<String> arguments) {
    public UnsafeOperation {
        // a macro's hygienic local reads as written (its suffix only keeps it apart from the caller's)
        subject = dev.unsafehints.macros.LocalHygiene.display(subject);
        what = dev.unsafehints.macros.LocalHygiene.display(what);
        why = dev.unsafehints.macros.LocalHygiene.display(why);
        arguments = java.util.List.copyOf(arguments);
    }

    /** True when an unsafe block or an unsafe fn body allows the operation. */
    public boolean isInUnsafeContext() {
        return block != null || (function != null && function.isUnsafe());
    }

    @Override
    public String toString() {
        return kind + " " + what + " @" + range;
    }
}
