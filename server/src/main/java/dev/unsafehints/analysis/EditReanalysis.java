package dev.unsafehints.analysis;

import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.parse.SourceDocument;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Re-analyses an edit that lies inside one function body, for the language server: a keystroke
 * then costs the analysis of one function instead of the whole file.
 *
 * <p>Why the result equals a full analysis: outside the edited body nothing changed, and what a
 * function's findings depend on (its own tokens, its signature, the file's items and imports, the
 * crate) is the same as before. So the new text is parsed with every other body left out
 * ({@link RustParsing#parseUnsafeRelevant(String, dev.unsafehints.grammar.Edition, int)}), the
 * findings of the edited function and of everything outside function items come from that parse,
 * and the findings inside each other function item (from its attributes to its closing brace) are
 * the previous analysis' ones, moved by the length change when they lie after the edit. The edit
 * must not change where the edited body ends, which would change the structure around it, nor the
 * number of lines (messages quote line numbers), and neither version may have syntax errors (how the parser recovers depends on the whole file); in
 * those cases, and for edits outside any body, there is no shortcut.
 */
final class EditReanalysis {
    private final int editStart; // first changed offset (the same in both texts)
    private final int oldEditEnd; // end of the changed part in the old text
    private final int delta; // new length - old length

    private final Shift shift;

    private EditReanalysis(int editStart, int oldEditEnd, int delta) {
        this.editStart = editStart;
        this.oldEditEnd = oldEditEnd;
        this.delta = delta;
        this.shift = new Shift(editStart, oldEditEnd, delta);
    }

    static Optional<FileAnalysis> of(Analyzer analyzer, FileAnalysis previous, SourceDocument document,
                                     AnalysisSettings settings, WorkspaceIndex index) {
        String oldText = previous.source().text();
        String newText = document.text();
        if (previous.edition() != document.crate().edition() || oldText.equals(newText)
                || !previous.notes().isEmpty() || !previous.syntaxProblems().isEmpty()) {
            return Optional.empty(); // error recovery depends on the whole file: broken files get a full analysis
        }
        int max = Math.min(oldText.length(), newText.length());
        int prefix = 0;
        while (prefix < max && oldText.charAt(prefix) == newText.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && oldText.charAt(oldText.length() - 1 - suffix) == newText.charAt(newText.length() - 1 - suffix)) {
            suffix++;
        }
        EditReanalysis edit = new EditReanalysis(prefix, oldText.length() - suffix, newText.length() - oldText.length());
        if (lineBreaks(oldText, prefix, edit.oldEditEnd) != lineBreaks(newText, prefix, newText.length() - suffix)) {
            return Optional.empty(); // messages quote line numbers ("declared at line 12"): the lines must stay
        }
        Optional<FileAnalysis> commentsOnly = CommentEdit.of(previous, newText, prefix, edit.oldEditEnd, edit.delta);
        if (commentsOnly.isPresent()) {
            return commentsOnly;
        }
        int[] bodies = previous.structure().bodies();
        int focus = -1;
        int focusEndOld = -1;
        for (int i = 0; i + 1 < bodies.length; i += 2) { // the outermost body holding the edit inside its braces
            if (bodies[i] + 1 <= edit.editStart && edit.oldEditEnd <= bodies[i + 1] - 1
                    && (focus < 0 || bodies[i] < focus)) {
                focus = bodies[i];
                focusEndOld = bodies[i + 1];
            }
        }
        if (focus < 0) {
            return Optional.empty();
        }
        TokenOffsets offsets = new TokenOffsets(newText);
        int focusCodePoint = newText.codePointCount(0, focus);
        ParsedFile parsed = RustParsing.parseUnsafeRelevant(newText, document.crate().edition(), focusCodePoint);
        if (parsed.bodies().focusEnd() < 0 || offsets.toUtf16(parsed.bodies().focusEnd()) != focusEndOld + edit.delta) {
            return Optional.empty(); // the edit moved the end of its function: the structure changed
        }
        if (!parsed.errors().isEmpty()) {
            return Optional.empty();
        }
        FileAnalysis partial = analyzer.analyzeParsed(document, parsed, settings, index);
        if (!partial.notes().isEmpty()) {
            return Optional.empty();
        }
        List<int[]> regions = edit.reusedRegions(parsed, offsets, newText.length() - suffix);
        return Optional.of(edit.merge(previous, partial, regions));
    }

    /**
     * The function items whose bodies the parse left out, from their first attribute to the end of
     * the body, in new-text offsets, except one the edit is in (a nested function whose body lost its
     * last unsafe token, say); a body that belongs to no function item of the tree (a `fn` in a
     * macro's tokens) is a region by itself.
     */
    private List<int[]> reusedRegions(ParsedFile parsed, TokenOffsets offsets, int newEditEnd) {
        java.util.Map<Integer, Integer> itemStartByBody = new java.util.HashMap<>();
        collectFunctionItems(parsed.tree(), itemStartByBody);
        int[] dropped = parsed.bodies().dropped();
        List<int[]> regions = new ArrayList<>();
        for (int i = 0; i + 1 < dropped.length; i += 2) {
            int start = offsets.toUtf16(itemStartByBody.getOrDefault(dropped[i], dropped[i]));
            int end = offsets.toUtf16(dropped[i + 1]);
            if (end < editStart || start > newEditEnd) { // a body the edit touched (now left out) has nothing to reuse
                regions.add(new int[] {start, end});
            }
        }
        return regions;
    }

    /** For each function with a body: the code point offset of its `{` mapped to its item's start. */
    private static void collectFunctionItems(ParseTree node, java.util.Map<Integer, Integer> itemStartByBody) {
        if (node instanceof RustParser.Function_Context f && f.blockExpression() != null) {
            ParserRuleContext item = f;
            for (ParserRuleContext p = f.getParent(); p != null; p = p.getParent()) {
                if (p instanceof RustParser.ItemContext || p instanceof RustParser.AssociatedItemContext
                        || p instanceof RustParser.ItemStatementContext) {
                    item = p;
                    break;
                }
                if (!(p instanceof RustParser.VisItemContext)) {
                    break;
                }
            }
            itemStartByBody.put(f.blockExpression().getStart().getStartIndex(), item.getStart().getStartIndex());
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            if (node.getChild(i) instanceof ParserRuleContext child) {
                collectFunctionItems(child, itemStartByBody);
            }
        }
    }

    private FileAnalysis merge(FileAnalysis previous, FileAnalysis partial, List<int[]> regions) {
        SourceText source = partial.source();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : partial.findings()) {
            if (!inRegion(regions, f.range().start())) {
                findings.add(f);
            }
        }
        for (Finding f : previous.findings()) {
            if (inOldRegion(regions, f.range().start())) {
                findings.add(shift.finding(f, source));
            }
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.range().start()).thenComparing(Finding::ruleId));

        List<FileStructure.CountedSite> counted = new ArrayList<>();
        for (FileStructure.CountedSite c : partial.structure().counted()) {
            if (!inRegion(regions, c.start())) {
                counted.add(c);
            }
        }
        for (FileStructure.CountedSite c : previous.structure().counted()) {
            if (inOldRegion(regions, c.start())) {
                counted.add(new FileStructure.CountedSite(c.block(), moved(c.start()), c.documented()));
            }
        }
        FileStructure structure = new FileStructure(partial.structure().bodies(), counted);
        // The partial parse's tokens lack the left-out bodies; rather than merge, keep none: the next
        // whitespace-or-comment edit then needs a full analysis (CommentEdit trusts only whole token lists).
        CodeTokens tokens = CodeTokens.NONE;
        // neither version has syntax errors or notes (checked before): none to merge
        return new FileAnalysis(partial.path(), source, partial.edition(), findings, List.of(),
                Analyzer.summarize(findings, structure), List.of(), tokens, structure);
    }

    private static int lineBreaks(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            n += c == '\n' || c == '\r' ? 1 : 0;
        }
        return n;
    }

    private static boolean inRegion(List<int[]> regions, int offset) {
        for (int[] r : regions) {
            if (offset >= r[0] && offset < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether an offset of the old text lies in one of the regions (given in new-text offsets). */
    private boolean inOldRegion(List<int[]> regions, int oldOffset) {
        if (oldOffset >= editStart && oldOffset < oldEditEnd) {
            return false; // the edited part belongs to no reused region
        }
        return inRegion(regions, moved(oldOffset));
    }

    /** An old offset in the new text: offsets after the edit move by the length change. */
    private int moved(int oldOffset) {
        return shift.offset(oldOffset);
    }
}
