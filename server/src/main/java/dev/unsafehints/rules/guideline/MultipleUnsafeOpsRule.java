package dev.unsafehints.rules.guideline;

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
 * One unsafe block holding several unsafe operations: each deserves its own block and argument.
 * Reported on {@code unsafe {}, like the block's other guideline findings, with the operations as
 * related locations.
 */
@RuleInfo(id = MultipleUnsafeOpsRule.ID, title = "Several unsafe operations in one block", severity = Severity.INFO,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "isolate"}, lints = "clippy::multiple_unsafe_ops_per_block",
        review = RuleInfo.ReviewRole.COVERED)
public final class MultipleUnsafeOpsRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "multiple-unsafe-ops";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (UnsafeBlockFact block : model.facts().blocks()) {
            List<UnsafeOperation> ops = block.operations();
            if (ops.size() < 2) {
                continue;
            }
            List<RelatedLocation> related = new ArrayList<>();
            for (UnsafeOperation op : ops) {
                related.add(new RelatedLocation(null, op.range(), model.positionOf(op.range().start()),
                        model.positionOf(op.range().end()), op.what()));
            }
            sink.report(MissingSafetyCommentRule.head(model, block), "this unsafe block holds " + ops.size() + " unsafe operations: give each its"
                    + " own block and SAFETY argument", related, List.of(), Map.of("operations",
                    Integer.toString(ops.size())));
        }
    }
}
