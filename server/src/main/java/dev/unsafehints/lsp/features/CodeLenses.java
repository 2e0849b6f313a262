package dev.unsafehints.lsp.features;

import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.rules.inventory.UnsafeBlockRule;
import dev.unsafehints.rules.inventory.UnsafeFnRule;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;

/**
 * Code lenses above unsafe blocks and unsafe fns: "3 unsafe operations · SAFETY documented".
 * The count is the related locations of the inventory finding; the SAFETY part is a fact the
 * inventory finding carries (whether a SAFETY comment or {@code # Safety} section is there, and
 * whether it is still the template), so it does not change when a guideline rule is off or
 * suppressed.
 *
 * <p>The lens command is {@value #SHOW_OPERATIONS}, with arguments (uri, position of the site,
 * locations of the operations) in the shape VS Code's {@code editor.action.showReferences}
 * takes, for clients that say they run it ({@code initializationOptions.clientCommands}, or
 * {@code experimental.commands.commands}); other clients get the title with an empty command id,
 * which editors show as text, not as a link that fails.
 */
public final class CodeLenses {
    public static final String SHOW_OPERATIONS = "unsafe-hints.showOperations";

    private final RuleLookup rules;
    private final boolean clientRunsCommand;

    public CodeLenses(RuleLookup rules, boolean clientRunsCommand) {
        this.rules = rules;
        this.clientRunsCommand = clientRunsCommand;
    }

    public List<CodeLens> lenses(AnalyzedDocument doc) {
        List<CodeLens> result = new ArrayList<>();
        for (Finding f : doc.findings()) {
            boolean block = UnsafeBlockRule.ID.equals(f.ruleId());
            boolean fn = UnsafeFnRule.ID.equals(f.ruleId());
            if (!block && !fn) {
                continue;
            }
            List<RelatedLocation> ops = UnsafeSites.operations(f);
            String title = title(doc, f, block, ops.size());
            Range range = FindingConverter.range(doc.source(), f.range());
            List<Location> locations = new ArrayList<>();
            for (RelatedLocation op : ops) {
                locations.add(FindingConverter.location(op, doc.source(), doc.uri()));
            }
            Command command = clientRunsCommand
                    ? new Command(title, SHOW_OPERATIONS, List.of(doc.uri(), range.getStart(), locations))
                    : new Command(title, "");
            result.add(new CodeLens(range, command, null));
        }
        return result;
    }

    private String title(AnalyzedDocument doc, Finding site, boolean block, int operations) {
        StringBuilder sb = new StringBuilder();
        if (block) {
            sb.append(operations == 0 ? "no unsafe operations"
                    : operations + " unsafe operation" + (operations == 1 ? "" : "s"));
            switch (UnsafeSites.blockSafety(site)) {
                case DOCUMENTED: sb.append(" · SAFETY documented"); break;
                case TEMPLATE: sb.append(" · SAFETY comment is the template"); break;
                default: sb.append(" · no SAFETY comment"); break;
            }
        } else {
            sb.append("unsafe fn");
            if (operations > 0) {
                sb.append(" · ").append(operations).append(" unsafe operation").append(operations == 1 ? "" : "s");
            }
            switch (UnsafeSites.fnSafety(site)) {
                case DOCUMENTED: sb.append(" · # Safety documented"); break;
                case TEMPLATE: sb.append(" · # Safety is the template"); break;
                case MISSING: sb.append(" · no # Safety section"); break;
                default: break;
            }
        }
        return sb.toString();
    }
}
