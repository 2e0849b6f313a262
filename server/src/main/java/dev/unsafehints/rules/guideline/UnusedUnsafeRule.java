package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.List;
import java.util.Map;

/**
 * An unsafe block that is not needed: nested in another unsafe block, or provably free of unsafe
 * operations (no calls, dereferences or macros whose safety the analysis cannot decide).
 */
@RuleInfo(id = UnusedUnsafeRule.ID, title = "Unnecessary unsafe block", severity = Severity.WARNING,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "minimize"}, lints = "unused_unsafe")
public final class UnusedUnsafeRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unused-unsafe";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (UnsafeBlockFact block : model.facts().blocks()) {
            String reason;
            List<RelatedLocation> related = List.of();
            if (block.enclosingBlock() != null) {
                reason = "unnecessary `unsafe` block: it is nested in another unsafe block";
                TextRange outer = new TextRange(block.enclosingBlock().range().start(),
                        block.enclosingBlock().range().start() + "unsafe".length());
                related = List.of(new RelatedLocation(null, outer, model.positionOf(outer.start()),
                        model.positionOf(outer.end()), "the enclosing unsafe block"));
            } else if (block.operations().isEmpty() && !block.mayHoldHiddenOperations()) {
                reason = "unnecessary `unsafe` block: it holds no unsafe operation";
            } else {
                continue;
            }
            RustParser.UnsafeBlockContext ctx = (RustParser.UnsafeBlockContext) block.context();
            TextRange keyword = new TextRange(model.startOf(block.unsafeKeyword()),
                    model.startOf(ctx.blockExpression().getStart()));
            Fix remove = new Fix("Remove `unsafe`", List.of(new TextEdit(keyword, "")));
            sink.report(block.range(), reason, related, List.of(remove), Map.of());
        }
    }
}
