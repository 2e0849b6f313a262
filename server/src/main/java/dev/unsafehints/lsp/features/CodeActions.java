package dev.unsafehints.lsp.features;

import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Quick fixes for the findings in a range: every fix a rule attached, then one "suppress" action
 * per rule and line, which writes {@code // unsafe-hints: allow(rule-id)} above the line with
 * the line's indentation (or adds the id to an allow comment already there).
 */
public final class CodeActions {
    public static final String ALLOW_PREFIX = "// unsafe-hints: allow(";
    private static final Pattern ALLOW_LINE = Pattern.compile("^(\\s*)// unsafe-hints: allow\\(([^)]*)\\)\\s*$");

    private final boolean documentChanges;

    public CodeActions(boolean documentChanges) {
        this.documentChanges = documentChanges;
    }

    public List<Either<Command, CodeAction>> actions(AnalyzedDocument doc, Range requested, List<String> only) {
        if (only != null && !only.isEmpty() && only.stream().noneMatch(k -> CodeActionKind.QuickFix.startsWith(k)
                || k.startsWith(CodeActionKind.QuickFix))) {
            return List.of();
        }
        SourceText source = doc.source();
        TextRange range = FindingConverter.textRange(source, requested);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : doc.findings()) {
            if (touches(f.range(), range)) {
                findings.add(f);
            }
        }
        List<Either<Command, CodeAction>> result = new ArrayList<>();
        // the same fix from two findings (an inventory cast and its guideline finding) is offered once,
        // for both diagnostics
        java.util.Map<String, CodeAction> offered = new java.util.HashMap<>();
        for (Finding f : findings) {
            boolean first = true;
            for (Fix fix : f.fixes()) {
                String key = fix.title() + "\u0000" + fix.edits();
                CodeAction same = offered.get(key);
                if (same != null) {
                    List<org.eclipse.lsp4j.Diagnostic> both = new ArrayList<>(same.getDiagnostics());
                    both.add(FindingConverter.diagnostic(f, doc.findings(), source, doc.uri()));
                    same.setDiagnostics(both);
                    continue;
                }
                CodeAction action = new CodeAction(fix.title());
                offered.put(key, action);
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(FindingConverter.diagnostic(f, doc.findings(), source, doc.uri())));
                action.setEdit(edit(doc, FindingConverter.edits(fix, source)));
                action.setIsPreferred(first);
                first = false;
                result.add(Either.forRight(action));
            }
        }
        Set<String> suppressed = new LinkedHashSet<>();
        int cursorLine = source.lineOf(range.start());
        for (Finding f : findings) {
            int line = source.lineOf(f.range().start());
            if (suppressed.add(f.ruleId() + "@" + line)) {
                // a finding that starts on another line (the `unsafe fn` around the cursor) is suppressed
                // where it starts: the title says which line, not "this line"
                String where = line == cursorLine ? "on this line" : "on line " + (line + 1);
                CodeAction action = new CodeAction("Suppress " + f.ruleId() + " " + where);
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(FindingConverter.diagnostic(f, doc.findings(), source, doc.uri())));
                action.setEdit(edit(doc, List.of(suppressEdit(source, line, f.ruleId()))));
                result.add(Either.forRight(action));
            }
        }
        return result;
    }

    /** A finding is in the requested range when they overlap; an empty range (a cursor) inside or at its ends counts. */
    private static boolean touches(TextRange finding, TextRange requested) {
        if (requested.length() == 0 || finding.length() == 0) {
            return requested.start() >= finding.start() && requested.start() <= finding.end()
                    || finding.start() >= requested.start() && finding.start() <= requested.end();
        }
        return finding.intersects(requested);
    }

    /** Inserts the allow comment above {@code line}, or extends the allow comment already there. */
    static TextEdit suppressEdit(SourceText source, int line, String ruleId) {
        if (line > 0) {
            Matcher existing = ALLOW_LINE.matcher(source.lineText(line - 1));
            if (existing.matches()) {
                List<String> ids = new ArrayList<>();
                for (String id : existing.group(2).split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
                if (!ids.contains(ruleId)) {
                    ids.add(ruleId);
                }
                String replacement = existing.group(1) + ALLOW_PREFIX + String.join(", ", ids) + ")";
                int start = source.lineStart(line - 1);
                int end = source.lineEndExcludingBreak(line - 1);
                return new TextEdit(FindingConverter.range(source, new TextRange(start, end)), replacement);
            }
        }
        String text = source.lineText(line);
        String indent = text.substring(0, text.length() - text.stripLeading().length());
        Position at = new Position(line, 0);
        return new TextEdit(new Range(at, at), indent + ALLOW_PREFIX + ruleId + ")" + lineBreakOf(source, line));
    }

    /** The line break the file uses at that line (the last line falls back to the one before it, then LF). */
    private static String lineBreakOf(SourceText source, int line) {
        for (int l = line; l >= 0; l--) {
            int end = source.lineEndExcludingBreak(l);
            String text = source.text();
            if (end < text.length()) {
                if (text.startsWith("\r\n", end)) {
                    return "\r\n";
                }
                return text.charAt(end) == '\r' ? "\r" : "\n";
            }
        }
        return "\n";
    }

    private WorkspaceEdit edit(AnalyzedDocument doc, List<TextEdit> edits) {
        if (documentChanges) {
            TextDocumentEdit docEdit = new TextDocumentEdit(
                    new VersionedTextDocumentIdentifier(doc.uri(), doc.version()), edits);
            return new WorkspaceEdit(List.of(Either.forLeft(docEdit)));
        }
        WorkspaceEdit edit = new WorkspaceEdit();
        edit.setChanges(java.util.Map.of(doc.uri(), edits));
        return edit;
    }
}
