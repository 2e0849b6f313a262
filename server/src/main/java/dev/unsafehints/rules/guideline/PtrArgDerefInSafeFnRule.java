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
 * A public safe fn that dereferences one of its raw-pointer parameters: any caller can pass a
 * dangling pointer without writing `unsafe`, so the fn should be `unsafe fn` (or take a reference).
 */
@RuleInfo(id = "ptr-arg-deref-in-safe-fn", title = "Public safe fn dereferences a pointer argument",
        severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "safe-abstraction"})
public final class PtrArgDerefInSafeFnRule implements Rule {
    @Override
    public void check(FileModel model, FindingSink sink) {
        for (UnsafeOperation op : model.facts().operations(OperationKind.RAW_POINTER_DEREF)) {
            FunctionFact fn = op.function();
            if (fn == null || fn.isUnsafe() || !fn.isExported() || fn.place() == FunctionFact.Place.TRAIT_IMPL
                    || fn.place() == FunctionFact.Place.TRAIT
                    || !fn.rawPointerParams().contains(op.subject().strip())) {
                continue;
            }
            sink.report(op.range(), "public safe fn `" + fn.name() + "` dereferences its raw-pointer parameter `"
                    + op.subject().strip() + "`: callers can pass any pointer without `unsafe`; make the fn"
                    + " `unsafe fn` with a `# Safety` section, or take a reference", List.of(), List.of(), Map.of());
        }
    }
}
