package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.analysis.UnsafeOperation;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.rules.RuleOption;
import dev.unsafehints.text.TextRange;
import java.util.List;
import java.util.Map;

/**
 * An unsafe block whose safe statements outnumber its unsafe operations by more than the configured
 * threshold: the safe code should move out, so the unsafe part stays small enough to review. The
 * threshold is the rule's option (`large-block-threshold` in `unsafe-hints.toml`,
 * `unsafeHints.largeBlockThreshold` in the editor).
 */
@RuleInfo(id = LargeUnsafeBlockRule.ID, title = "Unsafe block with much safe code", severity = Severity.INFO,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "minimize"},
        review = RuleInfo.ReviewRole.COVERED)
@RuleOption(key = LargeUnsafeBlockRule.THRESHOLD, editorKey = "largeBlockThreshold",
        defaultValue = LargeUnsafeBlockRule.DEFAULT_THRESHOLD)
public final class LargeUnsafeBlockRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "large-unsafe-block";

    /** The option: safe statements a block may hold beyond its unsafe operations before it is "large". */
    public static final String THRESHOLD = "large-block-threshold";
    public static final int DEFAULT_THRESHOLD = 5;

    @Override
    public void check(FileModel model, FindingSink sink) {
        int threshold = model.settings().option(THRESHOLD, DEFAULT_THRESHOLD);
        for (UnsafeBlockFact block : model.facts().blocks()) {
            if (!(block.context() instanceof RustParser.UnsafeBlockContext b)) {
                continue;
            }
            List<UnsafeOperation> ops = block.operations();
            int safe = 0;
            for (RustParser.StatementContext statement : b.blockExpression().statement()) {
                TextRange range = model.rangeOf(statement);
                boolean holdsOperation = ops.stream().anyMatch(op -> range.intersects(op.range()))
                        || block.uncertainOperations().stream().anyMatch(op -> range.intersects(op.range()));
                if (!holdsOperation && !(statement instanceof RustParser.EmptyStatementContext)) {
                    safe++;
                }
            }
            if (safe - ops.size() > threshold) {
                sink.report(model.rangeOf(block.unsafeKeyword(), b.blockExpression().getStart()),
                        "this unsafe block holds " + safe + " statements without unsafe operations (and "
                                + ops.size() + " with): move the safe code out so reviewers see only what needs"
                                + " their attention", List.of(), List.of(), Map.of("safeStatements",
                                Integer.toString(safe)));
            }
        }
    }
}
