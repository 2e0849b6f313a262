package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import java.util.List;
import java.util.Map;

/**
 * A call of one of the crate's `macro_rules!` that the analysis needed to see into and could not
 * expand (no rule matches, a limit was reached, the expansion does not parse): its unsafe
 * operations are not counted, so the user should know the count is incomplete there.
 */
@RuleInfo(id = MacroNotExpandedRule.ID, title = "Macro call the analysis could not expand", severity = Severity.INFO,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "macro", "analysis"})
public final class MacroNotExpandedRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "macro-not-expanded";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (UnsafeFacts.ExpansionNote note : model.facts().expansionNotes()) {
            sink.report(note.range(), "`" + note.macroName() + "!` was not expanded: " + note.message()
                    + "; unsafe code it writes is not analysed here", List.of(), List.of(), Map.of());
        }
    }
}
