package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.CodeSite;
import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.TextEdit;
import java.util.List;
import java.util.Map;

/** A reference taken to a static mut: a warning, and an error in edition 2024 where rustc denies it. */
@RuleInfo(id = StaticMutRefRule.ID, title = "Reference to a mutable static", severity = Severity.WARNING,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "correctness"}, lints = "static_mut_refs")
public final class StaticMutRefRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "static-mut-ref";

    /** Why any reference to a mutable static is a hazard, after what takes it. */
    private static final String HAZARD = "any other access while it lives is undefined behaviour (denied in edition 2024)";

    @Override
    public void check(FileModel model, FindingSink sink) {
        Severity severity = model.edition() == Edition.E2024 ? Severity.ERROR : null;
        for (CodeSite site : model.facts().codeSites()) {
            if (!(site instanceof CodeSite.StaticMutReference ref)) {
                continue;
            }
            if (ref.borrowOperator() == null) {
                sink.report(ref.range(), "`." + ref.method() + "()` takes a reference to mutable static `"
                        + ref.staticName() + "`: " + HAZARD, List.of(), List.of(), Map.of(), severity);
                continue;
            }
            String raw = ref.mutable() ? "mut" : "const";
            // `&raw` makes the pointer without a reference ever existing, which is what rustc asks for
            Fix fix = new Fix("Take a raw pointer instead (`&raw " + raw + "`)",
                    List.of(new TextEdit(ref.borrowOperator(), "&raw " + raw + " ")));
            sink.report(ref.range(), "reference to mutable static `" + ref.staticName() + "`: " + HAZARD, List.of(),
                    List.of(fix), Map.of(), severity);
        }
    }
}
