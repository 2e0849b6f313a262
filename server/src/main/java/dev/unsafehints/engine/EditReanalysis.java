package dev.unsafehints.engine;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.CodeTokens;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.FileStructure;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParser;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.parse.CfgMacroBranches;
import dev.unsafehints.parse.TokenOffsets;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.SourceDocument;
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
        List<int[]> bodies = outermost(previous.structure().bodies());
        int[] focus = null; // old offsets of the body to parse: the one holding the edit inside its braces
        for (int[] b : bodies) {
            if (b[0] + 1 <= edit.editStart && edit.oldEditEnd <= b[1] - 1) {
                focus = b;
            }
        }
        boolean inBody = focus != null;
        if (!inBody) { // else the body of the function whose signature, attributes or doc lines hold the edit
            focus = bodies.stream().filter(b -> b[0] >= edit.oldEditEnd).findFirst().orElse(null);
            if (focus == null || previous.declarations().isEmpty()) {
                return Optional.empty();
            }
        }
        int newFocus = edit.moved(focus[0]);
        TokenOffsets offsets = new TokenOffsets(newText);
        ParsedFile parsed = RustParsing.parseUnsafeRelevant(newText, document.crate().edition(),
                newText.codePointCount(0, newFocus), MacroSigns.of(document, index));
        if (parsed.bodies().focusEnd() < 0 || offsets.toUtf16(parsed.bodies().focusEnd()) != focus[1] + edit.delta) {
            return Optional.empty(); // the edit moved the end of its function: the structure changed
        }
        if (!parsed.errors().isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<Integer, Integer> itemStarts = new java.util.HashMap<>(); // `{` to item start, code points
        collectFunctionItems(parsed.tree(), parsed.tokens(), itemStarts);
        if (!inBody && !edit.inItemOrAbove(previous, newText, itemStarts, offsets, newFocus)) {
            return Optional.empty();
        }
        // a body declares nothing: after an edit inside one, the declarations are the last ones, moved
        FileAnalysis partial = analyzer.analyzeParsed(document, parsed, settings, index,
                inBody ? edit.movedDeclarations(previous, newText).orElse(null) : null);
        if (!partial.notes().isEmpty() || !edit.sameBodiesAround(bodies, focus, partial)) {
            return Optional.empty();
        }
        if (!inBody && !sameDeclarations(previous, partial)) {
            return Optional.empty(); // other functions' findings read the file's declarations
        }
        List<int[]> regions = edit.reusedRegions(parsed, offsets, itemStarts, newText.length() - suffix);
        return Optional.of(edit.merge(previous, partial, regions));
    }

    /** The previous declarations with the positions on the edited line moved (the lines stay). */
    private Optional<FileDeclarations> movedDeclarations(FileAnalysis previous, String newText) {
        SourceText oldSource = previous.source();
        SourceText newSource = new SourceText(newText);
        int editLine = oldSource.positionAt(editStart).line();
        return previous.declarations().map(d -> d.movedTo(newText, p -> p.line() != editLine ? p
                : newSource.positionAt(shift.offset(oldSource.offsetAt(p)))));
    }

    /** The bodies (pairs of offsets) that lie in no other body. */
    private static List<int[]> outermost(int[] flat) {
        List<int[]> result = new ArrayList<>();
        int end = -1;
        for (int i = 0; i + 1 < flat.length; i += 2) { // sorted by start
            if (flat[i] >= end) {
                result.add(new int[] {flat[i], flat[i + 1]});
                end = flat[i + 1];
            }
        }
        return result;
    }

    /**
     * Whether the edit outside every body lies in the function item whose body starts at
     * {@code newFocus}: after its first token (attributes, qualifiers, signature), or in the lines of
     * comments right above it (its doc comments), which start on a line after the previous code.
     */
    private boolean inItemOrAbove(FileAnalysis previous, String newText, java.util.Map<Integer, Integer> itemStarts,
                                  TokenOffsets offsets, int newFocus) {
        Integer startCodePoint = itemStarts.get(newText.codePointCount(0, newFocus));
        if (startCodePoint == null) {
            return false; // a `fn` the tree does not hold as an item (in a macro's tokens)
        }
        int itemStart = offsets.toUtf16(startCodePoint);
        if (itemStart <= editStart) {
            return true;
        }
        int oldItemStart = itemStart - delta;
        CodeTokens code = previous.codeTokens();
        int next = java.util.Arrays.binarySearch(code.starts(), oldItemStart);
        if (oldItemStart < oldEditEnd || next < 0) {
            return false; // the item's first token is not a token of the old text after the edit
        }
        if (next > 0 && code.ends()[next - 1] > editStart) {
            return false;
        }
        String oldText = previous.source().text();
        int previousEnd = next > 0 ? code.ends()[next - 1] : 0;
        int editLineStart = Math.max(oldText.lastIndexOf('\n', editStart - 1), oldText.lastIndexOf('\r', editStart - 1)) + 1;
        if (next > 0 && editLineStart <= previousEnd) {
            return false; // the edit is on the line of the previous code: a comment there may be its
        }
        String changedLines = oldText.substring(editLineStart, Math.min(oldText.length(), oldEditEnd + 2))
                + newText.substring(editLineStart, Math.min(newText.length(), oldEditEnd + delta + 2));
        return !changedLines.contains("//!") && !changedLines.contains("/*!"); // the module's own docs
    }

    /** Whether, outside the re-parsed body, the new text's bodies are the old ones, moved. */
    private boolean sameBodiesAround(List<int[]> oldBodies, int[] focus, FileAnalysis partial) {
        List<int[]> now = outermost(partial.structure().bodies());
        if (now.size() != oldBodies.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            int[] was = oldBodies.get(i);
            int[] is = now.get(i);
            boolean isFocus = was == focus;
            if (is[0] != moved(was[0]) || (!isFocus && is[1] != moved(was[1]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameDeclarations(FileAnalysis previous, FileAnalysis partial) {
        return previous.declarations().isPresent() && partial.declarations().isPresent()
                && previous.declarations().get().fingerprint().equals(partial.declarations().get().fingerprint());
    }

    /**
     * The function items whose bodies the parse left out, from their first attribute to the end of
     * the body, in new-text offsets, except one the edit is in (a nested function whose body lost its
     * last unsafe token, say); a body that belongs to no function item of the tree (a `fn` in a
     * macro's tokens) is a region by itself.
     */
    private List<int[]> reusedRegions(ParsedFile parsed, TokenOffsets offsets,
                                      java.util.Map<Integer, Integer> itemStartByBody, int newEditEnd) {
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

    /**
     * For each function with a body: the code point offset of its `{` mapped to its item's start.
     * The functions in the branches of `cfg_if!`/`cfg_select!` count: the analysis reads them too.
     */
    private static void collectFunctionItems(ParseTree node, org.antlr.v4.runtime.CommonTokenStream tokens,
                                             java.util.Map<Integer, Integer> itemStartByBody) {
        if (node instanceof RustParser.MacroInvocationContext m && CfgMacroBranches.isOne(m)) {
            for (ParserRuleContext branch : CfgMacroBranches.parse(tokens, m).orElse(List.of())) {
                collectFunctionItems(branch, tokens, itemStartByBody);
            }
            return;
        }
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
                collectFunctionItems(child, tokens, itemStartByBody);
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
                counted.add(c.moved(this::moved, this::moved));
            }
        }
        FileStructure structure = new FileStructure(partial.structure().bodies(), counted);
        // neither version has syntax errors or notes (checked before): none to merge; the code
        // tokens are the lexer's, whole whatever the parse left out; the declarations lie outside
        // function bodies, all of which the partial parse read
        return new FileAnalysis(partial.path(), source, partial.edition(), findings, List.of(),
                Analyzer.summarize(findings, structure), List.of(), partial.codeTokens(), structure,
                partial.declarations());
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
