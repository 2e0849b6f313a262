package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.SafetyTemplates;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.List;
import java.util.Map;

/** A public unsafe fn or unsafe trait whose docs lack a `# Safety` section. */
@RuleInfo(id = "missing-safety-doc", title = "Public unsafe API without a # Safety section",
        severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "documentation"})
public final class MissingSafetyDocRule implements Rule {
    @Override
    public void check(FileModel model, FindingSink sink) {
        for (FunctionFact fn : model.facts().functions()) {
            if (!fn.isUnsafe() || !fn.isExported() || fn.hasSafetySection()
                    || fn.place() == FunctionFact.Place.TRAIT_IMPL || fn.place() == FunctionFact.Place.EXTERN) {
                continue;
            }
            report(model, sink, fn.signatureRange(), "unsafe fn `" + fn.name() + "`",
                    "callers cannot know what they must guarantee");
        }
        for (UnsafeFacts.ContextualSite trait : model.facts().contextualSites("missing-safety-doc")) {
            report(model, sink, trait.range(), "unsafe " + trait.message().replace("trait ", "trait `") + "`",
                    "implementors cannot know what they must uphold");
        }
    }

    private static void report(FileModel model, FindingSink sink, TextRange range, String what, String consequence) {
        SourceText source = model.source();
        String indent = SafetyTemplates.indentationAt(source, range.start());
        int insertAt = model.firstLineOfItem(range.start());
        Fix fix = new Fix("Add a `# Safety` doc section", List.of(SafetyTemplates.insertAboveLine(source, insertAt,
                SafetyTemplates.safetyDocSection(indent, SafetyTemplates.newlineOf(source)))));
        sink.report(range, "public " + what + " has no `# Safety` section in its docs: " + consequence,
                List.of(), List.of(fix), Map.of());
    }
}
