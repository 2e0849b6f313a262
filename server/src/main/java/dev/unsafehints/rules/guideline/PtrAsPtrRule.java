package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.CodeSite;
import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.Snippets;
import dev.unsafehints.text.TextEdit;
import java.util.List;
import java.util.Map;

/**
 * `p as *const U` between raw pointers of the same mutability: `p.cast::<U>()` cannot change the
 * mutability by accident. The walk records only casts whose pointee is sized (`.cast()` needs one)
 * and, for an inferred target, where the place gives `.cast()` the same pointee.
 */
@RuleInfo(id = PtrAsPtrRule.ID, title = "as-cast between raw pointers", severity = Severity.HINT,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "pointer", "style"},
        lints = "clippy::ptr_as_ptr")
public final class PtrAsPtrRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "ptr-as-ptr";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (CodeSite site : model.facts().codeSites()) {
            if (site instanceof CodeSite.SameMutabilityCast cast) {
                String turbofish = cast.pointee().isEmpty() ? "" : "::<" + cast.pointee() + ">";
                String method = ".cast" + Snippets.shorten(turbofish) + "()";
                sink.report(cast.range(), "`as` cast between raw pointers: `" + method + "` keeps the mutability and"
                                + " cannot change anything else by accident", List.of(),
                        List.of(new Fix("Use `" + method + "`", List.of(new TextEdit(cast.castRange(),
                                cast.receiver() + ".cast" + turbofish + "()")))), Map.of());
            }
        }
    }
}
