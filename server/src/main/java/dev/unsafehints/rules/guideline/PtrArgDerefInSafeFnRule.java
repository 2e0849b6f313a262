package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeOperation;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * A public safe fn that dereferences one of its raw-pointer parameters, or passes one to an unsafe
 * fn or method: any caller can pass a dangling pointer without writing `unsafe`, so the fn should be
 * `unsafe fn` (or take a reference).
 */
@RuleInfo(id = PtrArgDerefInSafeFnRule.ID, title = "Public safe fn dereferences a pointer argument",
        severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "safe-abstraction"}, lints = "clippy::not_unsafe_ptr_arg_deref")
public final class PtrArgDerefInSafeFnRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "ptr-arg-deref-in-safe-fn";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (UnsafeOperation op : model.facts().operations(OperationKind.RAW_POINTER_DEREF)) {
            FunctionFact fn = op.function();
            if (applies(fn) && !op.arguments().isEmpty() && fn.rawPointerParams().contains(op.arguments().get(0))) {
                sink.report(op.range(), "public safe fn `" + fn.name() + "` dereferences its raw-pointer parameter `"
                        + op.arguments().get(0) + "`: callers can pass any pointer without `unsafe`; make the fn"
                        + " `unsafe fn` with a `# Safety` section, or take a reference", List.of(), List.of(), Map.of());
            }
        }
        // like clippy's `not_unsafe_ptr_arg_deref`: handing the pointer to an unsafe fn or method
        // (`ptr::read(p)`, `p.as_ref()`) makes the caller's pointer its precondition just the same
        for (UnsafeOperation op : model.facts().operations(OperationKind.UNSAFE_CALL)) {
            FunctionFact fn = op.function();
            if (!applies(fn)) {
                continue;
            }
            for (String argument : new java.util.LinkedHashSet<>(op.arguments())) {
                if (fn.rawPointerParams().contains(argument)) {
                    sink.report(op.range(), "public safe fn `" + fn.name() + "` passes its raw-pointer parameter `"
                            + argument + "` to unsafe `" + op.subject() + "`, whose contract it then relies on: callers"
                            + " can pass any pointer without `unsafe`; make the fn `unsafe fn` with a `# Safety`"
                            + " section, or take a reference", List.of(), List.of(), Map.of());
                }
            }
        }
    }

    /** A safe fn of the crate's public API whose signature its author may change (not a trait's). */
    private static boolean applies(FunctionFact fn) {
        return fn != null && !fn.isUnsafe() && fn.isExported() && fn.place() != FunctionFact.Place.TRAIT_IMPL
                && fn.place() != FunctionFact.Place.TRAIT;
    }
}
