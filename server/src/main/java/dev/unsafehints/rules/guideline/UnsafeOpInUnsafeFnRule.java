package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeOperation;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.List;
import java.util.Map;

/**
 * An unsafe operation directly in an unsafe fn's body, outside an unsafe block. rustc warns in
 * edition 2024 (lint unsafe_op_in_unsafe_fn); earlier editions allow it, so it is a note there.
 */
@RuleInfo(id = UnsafeOpInUnsafeFnRule.ID, title = "Unsafe operation outside an unsafe block in an unsafe fn",
        severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "isolate"}, lints = "unsafe_op_in_unsafe_fn",
        review = RuleInfo.ReviewRole.COVERED)
public final class UnsafeOpInUnsafeFnRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unsafe-op-in-unsafe-fn";

    @Override
    public void check(FileModel model, FindingSink sink) {
        Severity severity = model.edition() == Edition.E2024 ? null : Severity.INFO;
        for (UnsafeOperation op : model.facts().operations()) {
            if (op.block() != null || op.function() == null || !op.function().isUnsafe()) {
                continue;
            }
            TextRange r = op.range();
            Fix wrap = new Fix("Wrap in an `unsafe { }` block", List.of(
                    new TextEdit(new TextRange(r.start(), r.start()), "unsafe { "),
                    new TextEdit(new TextRange(r.end(), r.end()), " }")));
            sink.report(r, op.what() + " in the body of unsafe fn `" + op.function().name() + "` without an"
                    + " `unsafe` block: the fn's contract is for its callers, each operation needs its own block"
                    + " and SAFETY comment", List.of(), List.of(wrap), Map.of(), severity);
        }
    }
}
