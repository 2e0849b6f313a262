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

/**
 * A `*mut` pointer made from a shared borrow: writing through it is undefined behaviour. `&x as
 * *mut T` does not even compile (E0606, so an error); `&x as *const T as *mut T` and
 * `v.as_ptr() as *mut T` compile and are warned of.
 */
@RuleInfo(id = InvalidPtrCastRule.ID, title = "Mutable pointer made from a shared borrow", severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "correctness"}, lints = "clippy::as_ptr_cast_mut")
public final class InvalidPtrCastRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "invalid-ptr-cast";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (CodeSite site : model.facts().codeSites()) {
            if (site instanceof CodeSite.SharedBorrowAsMut cast) {
                String place = cast.place();
                List<Fix> fixes = cast.ofPlace() ? List.of(new Fix("Use `&raw mut " + place + "` (`" + place + "` must be `mut`)",
                        List.of(new TextEdit(cast.borrowRange(), "&raw mut " + place)))) : List.of();
                sink.report(cast.range(), "`&" + place + " as *mut _` does not compile (E0606): a shared borrow cannot"
                        + " become a mutable pointer; use `&raw mut " + place + "` (then `" + place + "` must be declared `mut`)",
                        List.of(), fixes, Map.of(), Severity.ERROR);
            } else if (site instanceof CodeSite.SharedBorrowThroughConst cast) {
                sink.report(cast.range(), "this `*mut` pointer comes from a shared borrow (`" + cast.borrow()
                        + "`): writing through it is undefined behaviour");
            } else if (site instanceof CodeSite.ReadOnlyPointerAsMut cast) {
                sink.report(cast.range(), "`.as_ptr()` gives a pointer for reading only: writing through this `*mut` is"
                                + " undefined behaviour; use `.as_mut_ptr()`", List.of(),
                        List.of(new Fix("Use `.as_mut_ptr()`", List.of(new TextEdit(cast.methodRange(), "as_mut_ptr")))),
                        Map.of());
            }
        }
    }
}
