package dev.unsafehints.engine;

import dev.unsafehints.analysis.CodeTokens;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.FileStructure;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.grammar.RustLexer;
import dev.unsafehints.parse.SafetyDocs;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextEdit;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * An edit that changes only whitespace and comments between two code tokens, and no comment the
 * analysis reads: then the tokens the parser sees are the same, and so is every finding, moved by
 * the length change. The analysis reads comments in three ways, each ruled out here: `SAFETY:`
 * comments and `unsafe-hints: allow` comments (no changed comment may mention "safety" or
 * "unsafe-hints"), and doc comments' `# Safety` sections (a changed doc line may hold no heading
 * and may not lie in a `# Safety` section). The edit also may not lie in the span of a finding or
 * of its fixes (they may quote the text), touch a line's indentation (quick-fix templates copy it),
 * nor add or remove lines (messages quote line numbers).
 */
final class CommentEdit {
    private CommentEdit() {
    }

    static Optional<FileAnalysis> of(FileAnalysis previous, String newText, int editStart, int oldEditEnd, int delta) {
        String oldText = previous.source().text();
        CodeTokens code = previous.codeTokens();
        if (code.size() == 0 && !oldText.isBlank()) {
            return Optional.empty(); // an analysis that kept no tokens
        }
        // the gap between two code tokens that holds the edit, not touching either of them
        int before = -1; // index of the last code token that ends at or before the edit
        int lo = 0;
        int hi = code.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (code.ends()[mid] <= editStart) {
                before = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        int gapStart = before < 0 ? 0 : code.ends()[before];
        int gapEnd = before + 1 < code.size() ? code.starts()[before + 1] : oldText.length();
        if (editStart < gapStart || oldEditEnd > gapEnd) {
            return Optional.empty(); // the edit changes a code token
        }
        // An edit that touches a token must leave it followed (or preceded) by whitespace in both
        // versions: then the lexer ends (or starts) that token where it did. `a` + `b`, `<` + `=`,
        // `/` + `/` would join tokens or start a comment.
        if (before >= 0 && editStart == gapStart
                && !(isSpace(oldText, editStart) && isSpace(newText, editStart))) {
            return Optional.empty();
        }
        if (before + 1 < code.size() && oldEditEnd == gapEnd
                && !(isSpace(oldText, oldEditEnd - 1) && isSpace(newText, oldEditEnd + delta - 1))) {
            return Optional.empty();
        }
        int lineStart = lineStart(oldText, editStart);
        int lineEnd = lineEnd(newText, editStart);
        if (newText.substring(lineStart, editStart).isBlank() && !newText.substring(editStart, lineEnd).isBlank()) {
            return Optional.empty(); // the indentation of a line with code or comments
        }
        if (touchesAFinding(previous, editStart, oldEditEnd)) {
            return Optional.empty(); // its message or fix may quote the text that changed
        }
        String oldGapText = oldText.substring(gapStart, gapEnd);
        List<Token> oldGap = hiddenTokens(oldGapText);
        List<Token> newGap = hiddenTokens(newText.substring(gapStart, gapEnd + delta));
        if (oldGap == null || newGap == null || oldGap.size() != newGap.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < oldGap.size(); i++) {
            String was = oldGap.get(i).getText();
            String is = newGap.get(i).getText();
            if (oldGap.get(i).getType() != newGap.get(i).getType()) {
                return Optional.empty();
            }
            if (!was.equals(is) && !unread(was, is, oldText,
                    gapStart + oldGapText.offsetByCodePoints(0, oldGap.get(i).getStartIndex()))) {
                return Optional.empty();
            }
        }
        return Optional.of(moved(previous, newText, editStart, oldEditEnd, delta));
    }

    private static boolean isSpace(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Whether the edit lies in the span of a finding, of a place related to it, or of one of its fixes. */
    private static boolean touchesAFinding(FileAnalysis previous, int start, int end) {
        for (Finding f : previous.findings()) {
            if (overlaps(f.range(), start, end)) {
                return true;
            }
            for (RelatedLocation r : f.related()) {
                if (r.file() == null && overlaps(r.range(), start, end)) {
                    return true;
                }
            }
            for (Fix fix : f.fixes()) {
                for (TextEdit e : fix.edits()) {
                    if (overlaps(e.range(), start, end)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The edit changes text inside the span, or inserts at a point where a fix inserts. */
    private static boolean overlaps(TextRange r, int start, int end) {
        if (r.start() == r.end()) {
            return start <= r.start() && r.start() <= end;
        }
        return r.start() < Math.max(end, start + 1) && start < r.end();
    }

    /** The comments of a gap's text, or null when it holds anything else or does not lex cleanly. */
    private static List<Token> hiddenTokens(String gap) {
        RustLexer lexer = new RustLexer(CharStreams.fromString(gap));
        lexer.removeErrorListeners();
        List<Token> comments = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return null;
            }
            comments.add(t);
        }
        return lexer.lexicalErrors().isEmpty() ? comments : null;
    }

    /**
     * Whether a comment changed from {@code was} to {@code is} in a way the analysis cannot see:
     * neither version has a marker (`SAFETY:`, `unsafe-hints:`); a doc line changes no heading
     * (only its trailing whitespace, if it has a `#`) and lies in no `# Safety` section.
     */
    private static boolean unread(String was, String is, String oldText, int offset) {
        for (String c : List.of(was, is)) {
            String lower = c.toLowerCase(Locale.ROOT);
            if (lower.contains("safety") || lower.contains("unsafe-hints") || c.startsWith("/**") || c.startsWith("/*!")) {
                return false;
            }
        }
        if (!isDoc(was)) {
            return true;
        }
        boolean headingsKept = (was.indexOf('#') < 0 && is.indexOf('#') < 0) || was.stripTrailing().equals(is.stripTrailing());
        return headingsKept && !inSafetySection(oldText, offset);
    }

    /** Where the line holding {@code offset} starts (after a LF, CR or CRLF). */
    private static int lineStart(String text, int offset) {
        return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    }

    private static int lineEnd(String text, int from) {
        int n = text.indexOf('\n', from);
        int r = text.indexOf('\r', from);
        int end = n < 0 ? text.length() : n;
        return r >= 0 && r < end ? r : end;
    }

    private static boolean isDoc(String comment) {
        return comment.startsWith("///") || comment.startsWith("//!");
    }

    /**
     * Whether the doc line at {@code offset} may follow a `# Safety` heading among the doc lines
     * above it. An item's docs run across blank lines and plain comments up to the code before
     * them; a line that may be part of a block comment counts as a maybe.
     */
    private static boolean inSafetySection(String text, int offset) {
        int lineStart = lineStart(text, offset);
        while (lineStart > 0) {
            int prevEnd = lineStart - 1;
            if (prevEnd > 0 && text.charAt(prevEnd) == '\n' && text.charAt(prevEnd - 1) == '\r') {
                prevEnd--;
            }
            int prevStart = lineStart(text, prevEnd);
            String line = text.substring(prevStart, prevEnd).strip();
            if (isDoc(line) && SafetyDocs.isHeading(line.substring(3))) {
                return SafetyDocs.hasSafetySection(line.substring(3)); // the nearest heading decides
            }
            if (line.startsWith("/*") || line.startsWith("*") || line.contains("*/")) {
                return true;
            }
            if (!line.isEmpty() && !line.startsWith("//")) {
                return false; // code: the docs start below it, with no heading above the edited line
            }
            lineStart = prevStart;
        }
        return false;
    }

    /** The previous analysis with every offset after the edit moved by {@code delta}. */
    private static FileAnalysis moved(FileAnalysis previous, String newText, int editStart, int oldEditEnd, int delta) {
        SourceText source = new SourceText(newText);
        Shift shift = new Shift(editStart, oldEditEnd, delta);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : previous.findings()) {
            findings.add(shift.finding(f, source));
        }
        CodeTokens old = previous.codeTokens();
        int[] starts = old.starts().clone();
        int[] ends = old.ends().clone();
        for (int i = 0; i < starts.length; i++) {
            starts[i] = shift.offset(starts[i]);
            ends[i] = shift.end(ends[i]);
        }
        int[] bodies = previous.structure().bodies().clone();
        for (int i = 0; i + 1 < bodies.length; i += 2) {
            bodies[i] = shift.offset(bodies[i]);
            bodies[i + 1] = shift.end(bodies[i + 1]);
        }
        List<FileStructure.CountedSite> counted = new ArrayList<>();
        for (FileStructure.CountedSite c : previous.structure().counted()) {
            counted.add(c.moved(shift::offset, shift::end));
        }
        SourceText oldSource = previous.source();
        int editLine = oldSource.positionAt(editStart).line(); // the lines stay: only positions on it move
        return new FileAnalysis(previous.path(), source, previous.edition(), findings, List.of(), previous.summary(),
                List.of(), new CodeTokens(old.types(), starts, ends), new FileStructure(bodies, counted),
                previous.declarations().map(d -> d.movedTo(newText, p -> p.line() != editLine ? p
                        : source.positionAt(shift.offset(oldSource.offsetAt(p))))));
    }
}
