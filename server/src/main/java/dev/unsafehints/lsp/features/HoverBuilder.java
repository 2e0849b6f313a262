package dev.unsafehints.lsp.features;

import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.rules.RuleDocs;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover text, built from the findings under the cursor and the rule documents, so it grows with the
 * rules without changes here. Each part starts with one short line (editors show it in tight
 * places), then the detail, then the link to the rule's document. On {@code *const T} /
 * {@code *mut T} types the hover explains the pointer kind.
 */
public final class HoverBuilder {
    private static final String SEPARATOR = "\n\n---\n\n";
    private static final int SNIPPET_MAX = 48;

    private final RuleLookup rules;

    public HoverBuilder(RuleLookup rules) {
        this.rules = rules;
    }

    /** The hover at a UTF-16 offset, or null when there is nothing to say there. */
    public Hover hover(AnalyzedDocument doc, int offset, boolean markdown) {
        List<String> parts = new ArrayList<>();
        TextRange range = null;
        List<Finding> here = new ArrayList<>(doc.findingsAt(offset));
        here.sort(Comparator.comparingInt((Finding f) -> categoryOrder(f.ruleId()))
                .thenComparingInt(f -> f.range().length()));
        for (Finding f : here) {
            parts.add(section(doc, f));
            range = range == null ? f.range() : range;
        }
        Optional<LexedSource.PointerType> pointer =
                LexedSource.of(doc.source().text(), doc.analysis().edition()).pointerTypeAt(offset);
        if (pointer.isPresent()) {
            parts.add(PointerTypeDocs.markdown(pointer.get().mutable(), pointer.get().pointee()));
            range = range == null ? pointer.get().range() : range;
        }
        if (parts.isEmpty()) {
            return null;
        }
        Hover hover = new Hover(new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT,
                String.join(SEPARATOR, parts)));
        hover.setRange(FindingConverter.range(doc.source(), range));
        return hover;
    }

    private int categoryOrder(String ruleId) {
        RuleInfo.Category c = rules.category(ruleId);
        return c == null ? 3 : c.ordinal();
    }

    private String section(AnalyzedDocument doc, Finding f) {
        if (RuleIds.UNSAFE_BLOCK.equals(f.ruleId())) {
            return blockSection(doc, f);
        }
        if (RuleIds.UNSAFE_FN.equals(f.ruleId())) {
            return fnSection(doc, f);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(rules.title(f.ruleId())).append("** (`").append(f.ruleId()).append("`)\n\n");
        sb.append(f.message());
        appendCalleeSafety(sb, f, "");
        appendDocs(sb, f.ruleId());
        return sb.toString();
    }

    private String blockSection(AnalyzedDocument doc, Finding block) {
        List<RelatedLocation> ops = UnsafeSites.operations(block);
        UnsafeSites.SafetyState safety = UnsafeSites.safety(doc, rules, block, RuleIds.MISSING_SAFETY_COMMENT);
        Optional<String> comment = CommentsAbove.safetyComment(doc.source(), doc.source().lineOf(block.range().start()));
        StringBuilder sb = new StringBuilder();
        sb.append("**Unsafe block**: ").append(count(ops.size(), "unsafe operation"));
        if (safety == UnsafeSites.SafetyState.MISSING) {
            sb.append(", no SAFETY comment");
        } else if (comment.isPresent()) {
            sb.append(", SAFETY comment present");
        }
        sb.append("\n\n").append(block.message());
        if (!ops.isEmpty()) {
            sb.append("\n\nOperations inside:\n");
            for (RelatedLocation op : ops) {
                sb.append("\n- ").append(describe(doc.source(), op));
                Optional<Finding> opFinding = UnsafeSites.operationFindingAt(doc, rules, op);
                opFinding.ifPresent(o -> appendCalleeSafety(sb, o, "  "));
            }
        }
        if (safety == UnsafeSites.SafetyState.MISSING) {
            sb.append("\n\nNo `// SAFETY:` comment above the block explains why these operations are sound here.");
        } else if (comment.isPresent()) {
            sb.append("\n\nSAFETY comment:\n\n> ").append(comment.get());
        }
        appendDocs(sb, block.ruleId());
        return sb.toString();
    }

    private String fnSection(AnalyzedDocument doc, Finding fn) {
        int line = doc.source().lineOf(fn.range().start());
        Optional<String> safetyDoc = CommentsAbove.safetyDocSection(doc.source(), line);
        UnsafeSites.SafetyState state = UnsafeSites.safety(doc, rules, fn, RuleIds.MISSING_SAFETY_DOC);
        StringBuilder sb = new StringBuilder();
        sb.append("**Unsafe function**");
        if (state == UnsafeSites.SafetyState.MISSING || safetyDoc.isEmpty() && state != UnsafeSites.SafetyState.UNKNOWN) {
            sb.append(": no `# Safety` section");
        } else if (safetyDoc.isPresent()) {
            sb.append(": `# Safety` documented");
        }
        sb.append("\n\n").append(fn.message());
        if (safetyDoc.isPresent()) {
            sb.append("\n\nWhat callers must guarantee (its `# Safety` section):\n\n> ")
                    .append(safetyDoc.get().replace("\n", "\n> "));
        } else {
            sb.append("\n\nIts doc comment has no `# Safety` section telling callers what they must guarantee.");
        }
        List<RelatedLocation> ops = UnsafeSites.operations(fn);
        if (!ops.isEmpty()) {
            sb.append("\n\nUnsafe operations in its body:\n");
            for (RelatedLocation op : ops) {
                sb.append("\n- ").append(describe(doc.source(), op));
            }
        }
        appendDocs(sb, fn.ruleId());
        return sb.toString();
    }

    /** "line 12: `*p`: dereference of a raw pointer". */
    private static String describe(SourceText source, RelatedLocation op) {
        StringBuilder sb = new StringBuilder("line ").append(source.lineOf(op.range().start()) + 1);
        String snippet = source.slice(op.range()).strip();
        if (!snippet.isEmpty() && snippet.length() <= SNIPPET_MAX && snippet.indexOf('\n') < 0 && snippet.indexOf('`') < 0) {
            sb.append(": `").append(snippet).append('`');
        }
        if (op.message() != null && !op.message().isBlank()) {
            sb.append(": ").append(op.message());
        }
        return sb.toString();
    }

    /** A callee's "# Safety" text that the rule attached to a call, quoted as the caller's obligation. */
    private static void appendCalleeSafety(StringBuilder sb, Finding f, String indent) {
        Map<String, String> props = f.properties();
        String safety = props.get("safetyDoc");
        if (safety != null && !safety.isBlank()) {
            sb.append("\n\n").append(indent).append("The callee's `# Safety` section asks:\n\n")
                    .append(indent).append("> ").append(safety.strip().replace("\n", "\n" + indent + "> "));
        }
    }

    private void appendDocs(StringBuilder sb, String ruleId) {
        String finds = RuleDocs.section(ruleId, "What it finds");
        String todo = RuleDocs.section(ruleId, "What to do");
        if (!finds.isEmpty()) {
            sb.append("\n\n**What it finds.** ").append(finds);
        }
        if (!todo.isEmpty()) {
            sb.append("\n\n**What to do.** ").append(todo);
        }
        sb.append("\n\n[").append(rules.title(ruleId)).append(" (").append(ruleId).append(")](")
                .append(RuleDocs.url(ruleId)).append(')');
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
