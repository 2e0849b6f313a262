package dev.unsafehints.lsp.features;

import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.rules.inventory.UnsafeBlockRule;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;

/**
 * Document highlights: with the cursor on the {@code unsafe} of a block (the range of its
 * inventory finding), the block's keyword and every unsafe operation inside it light up.
 */
public final class Highlights {
    private final RuleLookup rules;

    public Highlights(RuleLookup rules) {
        this.rules = rules;
    }

    public List<DocumentHighlight> at(AnalyzedDocument doc, int offset) {
        for (Finding f : doc.findingsAt(offset)) {
            if (rules.category(f.ruleId()) != RuleInfo.Category.INVENTORY && !UnsafeBlockRule.ID.equals(f.ruleId())) {
                continue;
            }
            List<RelatedLocation> ops = UnsafeSites.operations(f);
            if (ops.isEmpty()) {
                continue;
            }
            List<DocumentHighlight> result = new ArrayList<>();
            result.add(new DocumentHighlight(FindingConverter.range(doc.source(), f.range()), DocumentHighlightKind.Text));
            for (RelatedLocation op : ops) {
                result.add(new DocumentHighlight(FindingConverter.range(doc.source(), op.range()),
                        DocumentHighlightKind.Read));
            }
            return result;
        }
        return List.of();
    }
}
