package dev.unsafehints.rules.guideline;

import dev.unsafehints.analysis.FileModel;
import dev.unsafehints.analysis.FunctionFact;
import dev.unsafehints.analysis.MacroTextUnsafe;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.analysis.UnsafeBlockFact;
import dev.unsafehints.analysis.UnsafeFacts;
import dev.unsafehints.macros.ExpandedToken;
import dev.unsafehints.rules.FindingSink;
import dev.unsafehints.rules.Rule;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.TextRange;

/**
 * What rustc's `unsafe_code` lint counts as unsafe code, where it points: each `unsafe` block (at
 * its keyword), unsafe fn and method (from the visibility; functions declared in extern blocks do
 * not count), unsafe trait, unsafe impl and `unsafe extern` block, and the `no_mangle`,
 * `export_name` and `link_section` attributes on fns and statics. What a local macro's text writes
 * counts in the macro's text, as rustc reports it there. So `#![forbid(unsafe_code)]` rejects a crate
 * exactly where this rule reports. A guideline, not an inventory rule: its places are the
 * inventory's seen through the lint, so reports and the editor show it with the site it names
 * (on the block's or fn's card and hover) rather than as a site of its own.
 */
@RuleInfo(id = UnsafeCodeRule.ID, title = "Unsafe code (rustc's unsafe_code lint)", severity = Severity.HINT,
        category = RuleInfo.Category.GUIDELINE, tags = {"unsafe", "guideline", "rustc-lint"})
public final class UnsafeCodeRule implements Rule {
    /** The rule's id, for code that names the rule. */
    public static final String ID = "unsafe-code";

    private static final String LINT = "unsafe code (`unsafe_code`): ";

    @Override
    public void check(FileModel model, FindingSink sink) {
        UnsafeFacts facts = model.facts();
        for (UnsafeBlockFact block : facts.blocks()) {
            sink.report(MissingSafetyCommentRule.head(model, block), LINT + "an `unsafe` block");
        }
        for (FunctionFact fn : facts.functions()) {
            if (fn.isUnsafe() && fn.place() != FunctionFact.Place.EXTERN && !(fn.unsafeKeyword() instanceof ExpandedToken)) {
                sink.report(fn.signatureRange(), LINT + functionWords(fn));
            }
        }
        for (UnsafeFacts.UnsafeItem item : facts.unsafeItems()) {
            sink.report(item.range(), LINT + switch (item.kind()) {
                case TRAIT -> "unsafe trait `" + item.name() + "` declared";
                case IMPL -> item.name().isEmpty() ? "an unsafe impl" : "unsafe trait `" + item.name() + "` implemented";
                case EXTERN_BLOCK -> "an `unsafe extern` block";
            });
        }
        for (UnsafeFacts.LinkageAttribute attribute : facts.linkageAttributes()) {
            String on = switch (attribute.target()) {
                case FUNCTION -> "fn";
                case METHOD -> "method";
                case STATIC -> "static";
                default -> null; // rustc does not count it on trait methods or foreign items
            };
            if (on != null) {
                sink.report(attribute.range(), LINT + "`#[" + attribute.name() + "]` on " + on + " `"
                        + attribute.itemName() + "`: the symbol it exports or places can break soundness");
            }
        }
        for (MacroTextUnsafe.Site site : model.macroTextUnsafe()) {
            TextRange range = model.rangeOf(site.start(), site.next());
            String in = " in the text of macro `" + site.macro() + "!`";
            sink.report(range, LINT + switch (site.kind()) {
                case BLOCK -> "an `unsafe` block" + in;
                case FN -> "unsafe fn `" + site.name() + "`" + in;
                case TRAIT -> "unsafe trait `" + site.name() + "`" + in;
                case IMPL -> "an unsafe impl" + in;
                case EXTERN_BLOCK -> "an `unsafe extern` block" + in;
                case LINKAGE_ATTRIBUTE -> "`#[" + site.name() + "]`" + in;
            });
        }
    }

    private static String functionWords(FunctionFact fn) {
        return switch (fn.place()) {
            case FREE -> "unsafe fn `" + fn.name() + "` declared";
            case TRAIT -> "unsafe method `" + fn.name() + (fn.context().blockExpression() == null ? "` declared" : "` defined");
            default -> "unsafe method `" + fn.name() + "` defined";
        };
    }
}
