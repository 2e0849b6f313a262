package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.MacroBodySafety;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.SafetyTemplates;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.analysis.UnsafeOperation;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An unsafe block or unsafe impl without a `// SAFETY:` comment where clippy looks for one, in code
 * and in the bodies of `macro_rules!` ({@link MacroBodySafety}).
 */
@RuleInfo(id = MissingSafetyCommentRule.ID, title = "Unsafe code without a SAFETY comment", severity = Severity.WARNING,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "documentation"}, lints = "clippy::undocumented_unsafe_blocks",
        reportsMissing = RuleInfo.SafetyText.COMMENT,
        review = RuleInfo.ReviewRole.COVERED)
public final class MissingSafetyCommentRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "missing-safety-comment";

    @Override
    public void check(FileModel model, FindingSink sink) {
        SourceText source = model.source();
        String newline = SafetyTemplates.newlineOf(source);
        for (UnsafeBlockFact block : model.facts().blocks()) {
            if (block.isSafetyCommented()) {
                continue;
            }
            if (block.isSafetyTemplate()) {
                sink.report(head(model, block), TEMPLATE_MESSAGE, List.of(), List.of(), Map.of("template", "true"));
                continue;
            }
            int anchor = model.startOf(statementStart(block));
            String indent = SafetyTemplates.indentationAt(source, anchor);
            List<UnsafeOperation> ops = block.operations();
            Fix fix = new Fix("Add a SAFETY comment",
                    List.of(SafetyTemplates.insertAboveLine(source, anchor,
                            SafetyTemplates.safetyComment(ops, source, indent, newline))));
            List<RelatedLocation> related = new ArrayList<>();
            for (UnsafeOperation op : ops) {
                related.add(new RelatedLocation(null, op.range(), model.positionOf(op.range().start()),
                        model.positionOf(op.range().end()), op.what()));
            }
            sink.report(head(model, block), "unsafe block without a `// SAFETY:` comment: say why "
                    + (ops.size() == 1 ? "its operation is" : "its operations are") + " sound here",
                    related, List.of(fix), Map.of());
        }
        for (UnsafeFacts.ContextualSite impl : model.facts().contextualSites(UnsafeFacts.ContextualSite.Kind.UNSAFE_IMPL_WITHOUT_SAFETY_COMMENT)) {
            int anchor = impl.range().start();
            String indent = SafetyTemplates.indentationAt(source, anchor);
            Fix fix = new Fix("Add a SAFETY comment", List.of(SafetyTemplates.insertAboveLine(source, anchor,
                    indent + "// SAFETY: <why this type upholds the contract of "
                            + (impl.name().isEmpty() ? "the trait" : "`" + impl.name() + "`") + ">" + newline)));
            sink.report(impl.range(), "unsafe impl without a `// SAFETY:` comment: say why the type upholds the"
                    + " trait's contract", List.of(), List.of(fix), Map.of());
        }
        for (UnsafeFacts.ContextualSite impl : model.facts().contextualSites(UnsafeFacts.ContextualSite.Kind.UNSAFE_IMPL_WITH_TEMPLATE_SAFETY_COMMENT)) {
            sink.report(impl.range(), "the SAFETY comment of this unsafe impl is still the template: say why the type"
                    + " upholds the trait's contract", List.of(), List.of(), Map.of("template", "true"));
        }
        for (MacroBodySafety.Site site : MacroBodySafety.undocumented(model)) {
            int anchor = model.startOf(site.unsafeKeyword());
            String indent = SafetyTemplates.indentationAt(source, anchor);
            Fix fix = new Fix("Add a SAFETY comment", List.of(SafetyTemplates.insertAboveLine(source, anchor,
                    indent + "// SAFETY: <why " + (site.isImpl() ? "the type upholds the trait's contract"
                            : "the operations are sound") + " for every expansion>" + newline)));
            sink.report(model.rangeOf(site.unsafeKeyword(), site.next()), "unsafe " + (site.isImpl() ? "impl" : "block")
                    + " in macro `" + site.macro() + "!` without a `// SAFETY:` comment: each expansion is unsafe code,"
                    + " say why it is sound wherever the macro is used", List.of(), List.of(fix), Map.of());
        }
    }

    /** The message for a block whose SAFETY comment still holds the template's placeholder. */
    public static final String TEMPLATE_MESSAGE = "the SAFETY comment is still the template: say why each condition"
            + " holds";

    /** `unsafe {`: where the block's guideline findings go, as clippy puts them. */
    static TextRange head(FileModel model, UnsafeBlockFact block) {
        return model.rangeOf(block.unsafeKeyword(), block.context().getChild(1) instanceof
                org.antlr.v4.runtime.ParserRuleContext b ? b.getStart() : block.unsafeKeyword());
    }

    /** The line to put the comment above: the statement holding the block, else the block itself. */
    private static org.antlr.v4.runtime.Token statementStart(UnsafeBlockFact block) {
        for (org.antlr.v4.runtime.tree.ParseTree p = block.context().getParent(); p != null; p = p.getParent()) {
            if (p instanceof RustParser.StatementContext s) {
                return s.getStart();
            }
            if (p instanceof RustParser.BlockExpressionContext
                    || p instanceof RustParser.ItemContext) {
                break;
            }
        }
        return block.unsafeKeyword();
    }
}
