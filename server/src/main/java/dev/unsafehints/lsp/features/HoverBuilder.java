package dev.unsafehints.lsp.features;

import dev.unsafehints.analysis.Concern;
import dev.unsafehints.analysis.FileStructure;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.Obligations;
import dev.unsafehints.analysis.OperationKind;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.SafetyComments;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.rules.RuleDocs;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.rules.guideline.UnsafeCodeRule;
import dev.unsafehints.rules.inventory.UnsafeBlockRule;
import dev.unsafehints.rules.inventory.UnsafeFnRule;
import dev.unsafehints.rules.operations.OperationKinds;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover text about the one thing under the cursor, most specific first: an unsafe operation (what
 * must hold for it, from {@link Obligations}, the source the SAFETY template and the review
 * checklist read too), a raw pointer type, another finding, an unsafe block (its operations, each
 * once with its conditions; its SAFETY comment and what it leaves out; one line per rule that
 * fires on it), an unsafe fn. Rule documents are links, never pasted in: the hover has to fit the
 * editor's hover box (VS Code: 750×250 px), most useful part first.
 */
public final class HoverBuilder {
    /** Longest quote of a callee's {@code # Safety} section in a block's list of operations. */
    private static final int BRIEF_QUOTE = 180;
    /** Longest quote of a SAFETY comment. */
    private static final int COMMENT_QUOTE = 240;
    private static final int MAX_QUOTE_LINES = 14;
    private static final int SNIPPET_MAX = 48;

    private final RuleLookup rules;

    public HoverBuilder(RuleLookup rules) {
        this.rules = rules;
    }

    /** The hover at a UTF-16 offset, or null when there is nothing to say there. */
    public Hover hover(AnalyzedDocument doc, int offset, boolean markdown) {
        List<Finding> here = new ArrayList<>(doc.findingsAt(offset));
        // `unsafe-code` restates, in rustc's terms, what the other findings on its place say: it comes last
        here.sort(Comparator.comparing((Finding f) -> f.ruleId().equals(UnsafeCodeRule.ID))
                .thenComparingInt(f -> f.range().length()).thenComparing(Finding::ruleId));
        Finding block = first(here, UnsafeBlockRule.ID);
        Finding fn = first(here, UnsafeFnRule.ID);
        Optional<Finding> operation = here.stream().filter(f -> kindOf(f.ruleId()) != null).findFirst();
        String text;
        TextRange range;
        if (operation.isPresent()) {
            text = operationHover(doc, operation.get(), here);
            range = operation.get().range();
        } else {
            Optional<LexedSource.PointerType> pointer =
                    LexedSource.of(doc.source().text(), doc.analysis().edition()).pointerTypeAt(offset);
            List<Finding> specific = here.stream()
                    .filter(f -> f != block && f != fn && !belongsTo(doc, f, block) && !belongsTo(doc, f, fn)).toList();
            if (pointer.isPresent()) {
                text = PointerTypeDocs.markdown(pointer.get().mutable(), pointer.get().pointee());
                range = pointer.get().range();
            } else if (!specific.isEmpty()) {
                text = findingHover(doc, specific);
                range = specific.get(0).range();
            } else if (block != null) {
                text = blockHover(doc, block);
                range = keyword(doc.source(), block.range());
            } else if (fn != null) {
                text = fnHover(doc, fn);
                range = keyword(doc.source(), fn.range());
            } else {
                return null;
            }
        }
        Hover hover = new Hover(new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text));
        hover.setRange(FindingConverter.range(doc.source(), range));
        return hover;
    }

    // ------------------------------------------------------------------ one operation

    private String operationHover(AnalyzedDocument doc, Finding op, List<Finding> here) {
        OperationKind kind = kindOf(op.ruleId());
        Obligations.Contract contract = contractOf(doc, op);
        String subject = op.properties().getOrDefault("subject", "");
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(rules.title(op.ruleId())).append("**");
        if (kind == OperationKind.RAW_POINTER_DEREF) {
            sb.append(": ").append(access(contract, subject));
        } else if (!subject.isEmpty()) {
            sb.append(": ").append(code(Obligations.shorten(subject)));
        }
        sb.append("\n\n").append(op.message());
        if (!contract.calleeSafety().isEmpty()) {
            sb.append("\n\n**What ").append(code(lastSegment(subject))).append("'s `# Safety` section asks**\n\n")
                    .append(quote(contract.calleeSafety(), MAX_QUOTE_LINES));
        } else {
            sb.append("\n\n**What must hold here**");
            if (!contract.origin().isEmpty()) {
                sb.append(" (").append(contract.origin()).append(')');
            }
            sb.append("\n");
            for (Obligations.Obligation o : contract.obligations()) {
                sb.append("\n- ").append(o.text());
            }
        }
        appendRuleLines(sb, here.stream().filter(f -> f != op && f.range().equals(op.range())).toList());
        sb.append("\n\n").append(docLink(op.ruleId()));
        return sb.toString();
    }

    // ------------------------------------------------------------------ other findings

    /** The smallest findings under the cursor: the first in full, any others on the same span in one line each. */
    private String findingHover(AnalyzedDocument doc, List<Finding> specific) {
        Finding main = specific.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(rules.title(main.ruleId())).append("** (`").append(main.ruleId()).append("`)\n\n");
        sb.append(main.message());
        String lead = RuleDocs.lead(main.ruleId());
        if (!lead.isEmpty()) {
            sb.append("\n\n").append(lead);
        }
        appendRuleLines(sb, specific.stream().skip(1).filter(f -> f.range().equals(main.range())).toList());
        sb.append("\n\n").append(docLink(main.ruleId()));
        return sb.toString();
    }

    // ------------------------------------------------------------------ unsafe blocks

    private String blockHover(AnalyzedDocument doc, Finding block) {
        SourceText source = doc.source();
        List<RelatedLocation> ops = UnsafeSites.operations(block);
        UnsafeSites.SafetyState safety = UnsafeSites.blockSafety(block);
        StringBuilder sb = new StringBuilder();
        sb.append("**Unsafe block** · ").append(count(ops.size(), "unsafe operation")).append(" · ")
                .append(switch (safety) {
                    case DOCUMENTED -> "SAFETY comment";
                    case TEMPLATE -> "SAFETY comment is still the template";
                    default -> "no SAFETY comment";
                });
        List<Obligations.Obligation> all = new ArrayList<>();
        if (!ops.isEmpty()) {
            sb.append("\n");
            int n = 1;
            for (RelatedLocation op : ops) {
                Optional<Finding> f = UnsafeSites.operationFindingAt(doc, rules, op);
                sb.append("\n").append(n++).append(". ").append(where(source, op.range()));
                if (f.isEmpty()) {
                    sb.append(": ").append(op.message());
                    continue;
                }
                Obligations.Contract contract = contractOf(doc, f.get());
                all.addAll(contract.obligations());
                String subject = f.get().properties().getOrDefault("subject", "");
                if (kindOf(f.get().ruleId()) == OperationKind.RAW_POINTER_DEREF) {
                    sb.append(": ").append(access(contract, subject));
                } else {
                    sb.append(": ").append(op.message());
                }
                if (!contract.calleeSafety().isEmpty()) {
                    sb.append(" — its `# Safety`: “").append(oneLine(contract.calleeSafety(), BRIEF_QUOTE)).append('”');
                } else {
                    sb.append(" — ").append(contract.brief());
                }
            }
        }
        sb.append("\n\n");
        switch (safety) {
            case DOCUMENTED -> {
                Optional<String> comment = safetyComment(doc, block);
                if (comment.isPresent()) {
                    sb.append("**SAFETY:** “").append(oneLine(comment.get(), COMMENT_QUOTE)).append('”');
                    Set<String> left = new LinkedHashSet<>();
                    for (Obligations.Obligation o : all) {
                        if (o.concern() != Concern.PRECONDITION && !o.concern().isMentionedIn(comment.get(), o.extraWords())) {
                            left.add(o.concern().topic());
                        }
                    }
                    if (!left.isEmpty()) {
                        sb.append(" — it does not mention ").append(String.join(", ", left)).append('.');
                    }
                } else {
                    sb.append("A `// SAFETY:` comment covers the block.");
                }
            }
            case TEMPLATE -> sb.append("**SAFETY:** still the template: replace the `<…>` placeholder with why each"
                    + " condition holds here.");
            default -> sb.append("**SAFETY:** none. Say in a `// SAFETY:` comment above the block why each condition"
                    + " holds here (quick fix: Add a SAFETY comment).");
        }
        appendRuleLines(sb, doc.findings().stream().filter(f -> belongsTo(doc, f, block)).toList());
        sb.append("\n\n").append(docLink(block.ruleId()));
        return sb.toString();
    }

    /**
     * The argument of the SAFETY comment the analysis found covering the block (the comment the
     * rule accepted, wherever clippy accepts it), read from where the analysis says it is.
     */
    private static Optional<String> safetyComment(AnalyzedDocument doc, Finding block) {
        for (FileStructure.CountedSite site : doc.analysis().structure().counted()) {
            if (site.block() && site.start() == block.range().start() && site.safetyComment() != null
                    && site.safetyComment().end() <= doc.source().length()) {
                String argument = SafetyComments.argument(SafetyComments.text(doc.source().slice(site.safetyComment())));
                return argument.isEmpty() ? Optional.empty() : Optional.of(argument);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ unsafe fns

    /**
     * The words of the fn's {@code # Safety} section as the rules read its docs, which the analysis
     * keeps on the fn it counted: the last one whose item starts at or before the finding (the fn's
     * {@code unsafe}) with only its qualifiers between ({@code pub const}).
     */
    private static Optional<String> safetySection(AnalyzedDocument doc, Finding fn) {
        FileStructure.CountedSite found = null;
        for (FileStructure.CountedSite site : doc.analysis().structure().counted()) {
            if (!site.block() && site.start() <= fn.range().start() && (found == null || site.start() > found.start())) {
                found = site;
            }
        }
        if (found == null || found.safetySection() == null || fn.range().start() > doc.source().length()
                || !QUALIFIERS_ONLY.matcher(doc.source().slice(new TextRange(found.start(), fn.range().start()))).matches()) {
            return Optional.empty();
        }
        return Optional.of(found.safetySection());
    }

    /** What may stand between a fn item's start and its {@code unsafe}: visibility and qualifiers, no other item. */
    private static final java.util.regex.Pattern QUALIFIERS_ONLY =
            java.util.regex.Pattern.compile("(?s)(?!.*\\bfn\\b)[^{};#]*");

    private String fnHover(AnalyzedDocument doc, Finding fn) {
        Optional<String> section = safetySection(doc, fn);
        String state = fn.properties().getOrDefault("safetySection", section.isPresent() ? "documented" : "missing");
        StringBuilder sb = new StringBuilder();
        sb.append("**Unsafe function**: ").append(switch (state) {
            case "documented" -> "`# Safety` documented";
            case "template" -> "`# Safety` section is still the template";
            default -> "no `# Safety` section";
        });
        sb.append("\n\n").append(fn.message());
        if (section.isPresent()) {
            sb.append("\n\nWhat callers must guarantee (its `# Safety` section):\n\n")
                    .append(quote(section.get(), MAX_QUOTE_LINES));
        } else {
            sb.append("\n\nIts doc comment has no `# Safety` section telling callers what they must guarantee.");
        }
        appendRuleLines(sb, doc.findings().stream().filter(f -> belongsTo(doc, f, fn)).toList());
        sb.append("\n\n").append(docLink(fn.ruleId()));
        return sb.toString();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Whether a guideline finding is about the site (an unsafe block or fn) rather than something
     * inside it: it starts on the site's first line, at or after the site (the block's
     * {@code unsafe}; a fn's signature), and is neither an operation nor an inventory finding.
     */
    private boolean belongsTo(AnalyzedDocument doc, Finding f, Finding site) {
        if (site == null || f == site || kindOf(f.ruleId()) != null
                || rules.category(f.ruleId()) == RuleInfo.Category.INVENTORY) {
            return false;
        }
        SourceText source = doc.source();
        int siteLine = source.lineOf(site.range().start());
        if (source.lineOf(f.range().start()) != siteLine) {
            return false;
        }
        return UnsafeBlockRule.ID.equals(site.ruleId()) ? f.range().start() == site.range().start()
                : f.range().intersects(site.range()) || f.range().end() <= site.range().end();
    }

    /**
     * One line naming the rules that fire here, each a link to its document, with its level; not
     * their messages, which the editor shows with the diagnostics already.
     */
    private void appendRuleLines(StringBuilder sb, List<Finding> findings) {
        List<Finding> shown = findings.stream().filter(f -> f.severity() != Severity.OFF).toList();
        if (shown.isEmpty()) {
            return;
        }
        List<String> links = new ArrayList<>();
        for (Finding f : shown) {
            links.add("[`" + f.ruleId() + "`](" + RuleDocs.url(f.ruleId()) + ") ("
                    + f.severity().label() + ")"); // note, not "info": the levels as everywhere
        }
        sb.append("\n\n**Rules:** ").append(String.join(" · ", links));
    }

    private String docLink(String ruleId) {
        return "[" + rules.title(ruleId) + " (" + ruleId + ")](" + RuleDocs.url(ruleId) + ")";
    }

    private static Obligations.Contract contractOf(AnalyzedDocument doc, Finding op) {
        OperationKind kind = kindOf(op.ruleId());
        if (op.properties().containsKey("access") || kind != OperationKind.RAW_POINTER_DEREF) {
            return Obligations.ofFinding(kind, op.properties(), !op.related().isEmpty());
        }
        return Obligations.of(kind, op.properties().getOrDefault("subject", ""), "", false, doc.source(), op.range());
    }

    /** "read through `p`", "write through `p`", "reference made from `p`". */
    private static String access(Obligations.Contract contract, String subject) {
        String p = code(Obligations.shorten(subject));
        return switch (contract.access() == null ? Obligations.Access.READ : contract.access()) {
            case WRITE -> "write through " + p;
            case BORROW -> "reference made from " + p;
            default -> "read through " + p;
        };
    }

    /** The {@code unsafe} a site starts with (the hover's range), else the whole site. */
    private static TextRange keyword(SourceText source, TextRange site) {
        int end = site.start() + "unsafe".length();
        return end <= site.end() && source.slice(new TextRange(site.start(), end)).equals("unsafe")
                ? new TextRange(site.start(), end) : site;
    }

    static OperationKind kindOf(String ruleId) {
        return OperationKinds.ofRule(ruleId).orElse(null);
    }

    private static Finding first(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElse(null);
    }

    /** "`*p` (line 12)", the code left out when it is long or spans lines. */
    private static String where(SourceText source, TextRange range) {
        String snippet = source.slice(range).strip();
        String line = "line " + (source.lineOf(range.start()) + 1);
        if (!snippet.isEmpty() && snippet.length() <= SNIPPET_MAX && snippet.indexOf('\n') < 0
                && snippet.indexOf('`') < 0) {
            return "`" + snippet + "` (" + line + ")";
        }
        return line;
    }

    private static String quote(String text, int maxLines) {
        List<String> lines = text.strip().lines().toList();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size() && i < maxLines; i++) {
            sb.append(i == 0 ? "" : "\n").append("> ").append(lines.get(i));
        }
        if (lines.size() > maxLines) {
            sb.append("\n> […]");
        }
        return sb.toString();
    }

    private static String oneLine(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1).stripTrailing() + "…";
    }

    private static String code(String text) {
        return Obligations.code(text);
    }

    private static String lastSegment(String path) {
        int colons = path.lastIndexOf("::");
        return colons >= 0 ? path.substring(colons + 2) : path;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
