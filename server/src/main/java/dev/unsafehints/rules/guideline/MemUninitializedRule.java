package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.CodeSite;
import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;

/**
 * A call of `mem::uninitialized`: it claims a value of any type exists without writing one, which
 * is undefined behaviour for almost every type (rustc's `invalid_value` warns of the worst cases).
 */
@RuleInfo(id = MemUninitializedRule.ID, title = "Use of mem::uninitialized", severity = Severity.ERROR, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "correctness"}, lints = "invalid_value")
public final class MemUninitializedRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "mem-uninitialized";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (CodeSite site : model.facts().codeSites()) {
            if (site instanceof CodeSite.UninitializedCall call) {
                sink.report(call.range(), "`mem::uninitialized()` is undefined behaviour for almost every type");
            }
        }
    }
}
