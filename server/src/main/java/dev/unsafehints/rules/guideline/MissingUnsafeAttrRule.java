package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.CodeSite;
import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.TextEdit;
import java.util.List;
import java.util.Map;

/**
 * `#[no_mangle]`, `#[export_name]` or `#[link_section]` written without `unsafe(...)` in an edition
 * 2024 crate, where the compiler requires the author to vouch for the symbol.
 */
@RuleInfo(id = MissingUnsafeAttrRule.ID, title = "Unsafe attribute without unsafe(...)", severity = Severity.WARNING, category = RuleInfo.Category.GUIDELINE,
        tags = {"unsafe", "guideline", "edition-2024"}, lints = "unsafe_attr_outside_unsafe")
public final class MissingUnsafeAttrRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "missing-unsafe-attr";

    @Override
    public void check(FileModel model, FindingSink sink) {
        for (CodeSite site : model.facts().codeSites()) {
            if (site instanceof CodeSite.BareUnsafeAttribute attribute) {
                String name = attribute.name();
                sink.report(attribute.range(), "`#[" + name + "]` must be written `#[unsafe(" + name + ")]` in edition 2024: "
                                + (name.equals("link_section") ? "placing code or data in an arbitrary section"
                                : "exporting an unmangled symbol") + " can break soundness, so the author must vouch for it",
                        List.of(), List.of(new Fix("Wrap in `unsafe(...)`",
                                List.of(new TextEdit(attribute.range(), "unsafe(" + attribute.text() + ")")))), Map.of());
            }
        }
    }
}
