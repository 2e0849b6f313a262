package dev.unsafehints.rules.inventory;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.analysis.UnsafeOperation;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An unsafe block, with the operations inside it as related locations, and whether a SAFETY comment
 * covers it (properties {@code safetyComment}, {@code safetyTemplate}: facts that do not depend on
 * which guideline rules are on).
 */
@RuleInfo(id = UnsafeBlockRule.ID, title = "Unsafe block", severity = Severity.HINT,
        category = RuleInfo.Category.INVENTORY, tags = {"unsafe", "inventory"},
        column = "blocks", columnOrder = 1, noun = "unsafe block", unsafeSite = true, documentedBy = RuleInfo.SafetyText.COMMENT,
        narrowColumn = true,
        checklist = {
                "Does a SAFETY comment name each operation's precondition and say why it holds here?",
                "Is the block as small as it can be: only the unsafe operations, no safe code around them?",
                "Do the invariants it relies on hold on every path into the block, including panics and early returns?"},
        review = RuleInfo.ReviewRole.SITE)
public final class UnsafeBlockRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unsafe-block";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (UnsafeBlockFact block : model.facts().blocks()) {
            List<UnsafeOperation> ops = block.operations();
            List<RelatedLocation> related = new ArrayList<>();
            for (UnsafeOperation op : ops) {
                related.add(new RelatedLocation(null, op.range(), model.positionOf(op.range().start()),
                        model.positionOf(op.range().end()), op.what()));
            }
            String count = ops.isEmpty() ? "no unsafe operation the analysis recognises"
                    : ops.size() == 1 ? "1 unsafe operation" : ops.size() + " unsafe operations";
            String safety = block.isSafetyCommented() ? "SAFETY documented"
                    : block.isSafetyTemplate() ? "SAFETY comment is still the template" : "no SAFETY comment";
            sink.report(block.range(), "unsafe block: " + count + " · " + safety, related, List.of(),
                    Map.of("operations", Integer.toString(ops.size()),
                            "safetyComment", Boolean.toString(block.isSafetyCommented()),
                            "safetyTemplate", Boolean.toString(block.isSafetyTemplate())));
        }
    }
}
