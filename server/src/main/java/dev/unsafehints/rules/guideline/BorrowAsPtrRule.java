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
import dev.unsafehints.text.TextRange;
import java.util.List;
import java.util.Map;

/**
 * `&x as *const T` or `&x` where a `*const T` is expected: a reference made only to be turned into a
 * pointer; `&raw const x` says it directly. Only places (a temporary has no address `&raw` can take).
 */
@RuleInfo(id = BorrowAsPtrRule.ID, title = "Borrow cast to a raw pointer", severity = Severity.HINT,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "pointer", "style"},
        lints = "clippy::borrow_as_ptr")
public final class BorrowAsPtrRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "borrow-as-ptr";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (CodeSite site : model.facts().codeSites()) {
            if (site instanceof CodeSite.BorrowCast cast) {
                String raw = rawBorrow(cast.mutable(), cast.place());
                String macro = (cast.mutable() ? "core::ptr::addr_of_mut!(" : "core::ptr::addr_of!(") + cast.place() + ")";
                sink.report(cast.range(), "borrow cast to a raw pointer: `" + rawBorrow(cast.mutable(),
                                Snippets.shorten(cast.place())) + "` makes the pointer without creating a reference first",
                        List.of(), List.of(rawBorrowFix(raw, raw, cast.rewriteRange()),
                                new Fix("Use `" + macro + "` (before Rust 1.82)",
                                        List.of(new TextEdit(cast.rewriteRange(), macro)))), Map.of());
            } else if (site instanceof CodeSite.BorrowCoercion coercion) {
                String raw = rawBorrow(coercion.mutable(), coercion.place());
                sink.report(coercion.range(), "borrow coerced to a raw pointer: `" + Snippets.shorten(raw)
                                + "` makes the pointer without creating a reference first", List.of(),
                        List.of(rawBorrowFix(Snippets.shorten(raw), raw, coercion.range())), Map.of());
            }
        }
    }

    private static String rawBorrow(boolean mutable, String place) {
        return (mutable ? "&raw mut " : "&raw const ") + place;
    }

    private static Fix rawBorrowFix(String shown, String raw, TextRange range) {
        return new Fix("Use `" + shown + "` (no intermediate reference)", List.of(new TextEdit(range, raw)));
    }
}
