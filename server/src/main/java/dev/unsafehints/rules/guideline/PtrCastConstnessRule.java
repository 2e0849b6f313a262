package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.CodeSite;
import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.TextEdit;
import java.util.List;
import java.util.Map;

/** `p as *mut T` from a `*const T` (or the reverse): `p.cast_mut()` / `p.cast_const()` say it by name. */
@RuleInfo(id = PtrCastConstnessRule.ID, title = "as-cast that only changes a pointer's mutability", severity = Severity.HINT,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "pointer", "style"},
        lints = "clippy::ptr_cast_constness")
public final class PtrCastConstnessRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "ptr-cast-constness";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (CodeSite site : model.facts().codeSites()) {
            if (site instanceof CodeSite.MutabilityOnlyCast cast) {
                String method = cast.toMut() ? "cast_mut" : "cast_const";
                sink.report(cast.range(), "`as` cast that only changes the pointer's mutability: `." + method
                                + "()` says so and cannot change the pointee by accident", List.of(),
                        List.of(new Fix("Use `." + method + "()`", List.of(new TextEdit(cast.castRange(),
                                cast.receiver() + "." + method + "()")))), Map.of());
            }
        }
    }
}
