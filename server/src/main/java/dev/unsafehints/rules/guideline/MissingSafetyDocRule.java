package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.SafetyTemplates;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.analysis.UnsafeOperation;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A public unsafe fn or unsafe trait whose docs lack a `# Safety` section. */
@RuleInfo(id = MissingSafetyDocRule.ID, title = "Public unsafe API without a # Safety section",
        severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "documentation"}, lints = "clippy::missing_safety_doc",
        reportsMissing = RuleInfo.SafetyText.SAFETY_SECTION,
        review = RuleInfo.ReviewRole.COVERED)
public final class MissingSafetyDocRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "missing-safety-doc";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (FunctionFact fn : model.facts().functions()) {
            if (!fn.isUnsafe() || !fn.isExported() || fn.hasSafetySection()
                    || fn.place() == FunctionFact.Place.TRAIT_IMPL || fn.place() == FunctionFact.Place.EXTERN) {
                continue;
            }
            if (fn.hasSafetyTemplate()) {
                sink.report(fn.signatureRange(), "the `# Safety` section of unsafe fn `" + fn.name() + "` is still the"
                        + " template: list what callers must guarantee", List.of(), List.of(), Map.of("template", "true"));
                continue;
            }
            report(model, sink, fn.signatureRange(), "unsafe fn `" + fn.name() + "`",
                    "callers cannot know what they must guarantee", operationsIn(model, fn));
        }
        for (UnsafeFacts.ContextualSite trait : model.facts().contextualSites(UnsafeFacts.ContextualSite.Kind.UNSAFE_TRAIT_WITHOUT_SAFETY_DOC)) {
            report(model, sink, trait.range(), "unsafe trait `" + trait.name() + "`",
                    "implementors cannot know what they must uphold", List.of());
        }
    }

    /** The operations of the fn: in its body and in the unsafe blocks of its body. */
    private static List<UnsafeOperation> operationsIn(FileModel model, FunctionFact fn) {
        List<UnsafeOperation> ops = new ArrayList<>(fn.bodyOperations());
        for (UnsafeBlockFact block : model.facts().blocks()) {
            if (block.function() == fn) {
                ops.addAll(block.operations());
            }
        }
        ops.sort(Comparator.comparingInt(op -> op.range().start()));
        return ops;
    }

    private static void report(FileModel model, FindingSink sink, TextRange range, String what, String consequence,
                               List<UnsafeOperation> operations) {
        SourceText source = model.source();
        String indent = SafetyTemplates.indentationAt(source, range.start());
        int insertAt = model.firstLineOfItem(range.start());
        Fix fix = new Fix("Add a `# Safety` doc section", List.of(SafetyTemplates.insertAboveLine(source, insertAt,
                SafetyTemplates.safetyDocSection(operations, source, indent,
                        SafetyTemplates.newlineOf(source)))));
        sink.report(range, "public " + what + " has no `# Safety` section in its docs: " + consequence,
                List.of(), List.of(fix), Map.of());
    }
}
