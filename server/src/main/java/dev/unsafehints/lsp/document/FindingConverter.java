package dev.unsafehints.lsp.document;

import dev.unsafehints.analysis.Finding;
import dev.unsafehints.analysis.Fix;
import dev.unsafehints.analysis.RelatedLocation;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.rules.RuleDocs;
import dev.unsafehints.rules.guideline.UnusedUnsafeRule;
import dev.unsafehints.rules.operations.OperationKinds;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The one place where analysis results become LSP values: findings to diagnostics, offsets to
 * positions, fixes to text edits. Offsets are UTF-16 code units on both sides, so the conversion is
 * only a matter of lines.
 */
public final class FindingConverter {
    public static final String SOURCE = "unsafe-hints";
    /** The rule whose findings mark code that can be removed, rendered faded by editors. */
    public static final String UNNECESSARY_RULE = UnusedUnsafeRule.ID;

    private FindingConverter() {
    }

    public static Diagnostic diagnostic(Finding finding, SourceText source, String uri) {
        return diagnostic(finding, source, uri, java.util.Set.of());
    }

    /**
     * The diagnostic of a finding among the document's findings: a related location that is itself
     * shown as an operation's diagnostic is left out, so the Problems panel lists each operation once
     * (not once more under every block-level warning that names it).
     */
    public static Diagnostic diagnostic(Finding finding, List<Finding> all, SourceText source, String uri) {
        return diagnostic(finding, source, uri, shownOperations(all));
    }

    private static java.util.Set<TextRange> shownOperations(List<Finding> findings) {
        java.util.Set<TextRange> shown = new java.util.HashSet<>();
        for (Finding f : findings) {
            if (f.severity() != Severity.OFF && f.severity() != Severity.HINT && OPERATION_RULES.contains(f.ruleId())) {
                shown.add(f.range());
            }
        }
        return shown;
    }

    private static final java.util.Set<String> OPERATION_RULES = java.util.Arrays.stream(
            dev.unsafehints.analysis.OperationKind.values()).map(OperationKinds::ruleId)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static Diagnostic diagnostic(Finding finding, SourceText source, String uri,
                                         java.util.Set<TextRange> shownOperations) {
        Diagnostic d = new Diagnostic(range(source, finding.range()), finding.message(),
                severity(finding.severity()), SOURCE);
        d.setCode(Either.forLeft(finding.ruleId()));
        d.setCodeDescription(new DiagnosticCodeDescription(RuleDocs.url(finding.ruleId())));
        if (!finding.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (RelatedLocation loc : finding.related()) {
                if (loc.file() == null && !OPERATION_RULES.contains(finding.ruleId())
                        && shownOperations.contains(loc.range())) {
                    continue;
                }
                related.add(new DiagnosticRelatedInformation(location(loc, source, uri),
                        loc.message() == null ? "" : loc.message()));
            }
            if (!related.isEmpty()) {
                d.setRelatedInformation(related);
            }
        }
        String documented = documented(finding);
        if (documented != null) {
            com.google.gson.JsonObject data = new com.google.gson.JsonObject();
            data.addProperty("documented", documented);
            d.setData(data);
        }
        if (UNNECESSARY_RULE.equals(finding.ruleId())) {
            d.setTags(List.of(DiagnosticTag.Unnecessary));
        }
        return d;
    }

    /**
     * Whether an unsafe block or fn is documented, from the facts its inventory finding carries:
     * {@code yes} (a SAFETY comment, a {@code # Safety} section), {@code template} (still the
     * unedited template), {@code no}; null for other findings. The one definition of "undocumented"
     * that the diagnostics' {@code data}, the inventory and the clients' counts share.
     */
    public static String documented(Finding finding) {
        java.util.Map<String, String> p = finding.properties();
        if (p.containsKey("safetyComment")) {
            return "true".equals(p.get("safetyComment")) ? "yes" : "true".equals(p.get("safetyTemplate")) ? "template" : "no";
        }
        String section = p.get("safetySection");
        if (section != null) {
            return switch (section) {
                case "documented" -> "yes";
                case "template" -> "template";
                default -> "no";
            };
        }
        return null;
    }

    public static List<Diagnostic> diagnostics(List<Finding> findings, SourceText source, String uri) {
        List<Diagnostic> result = new ArrayList<>(findings.size());
        java.util.Set<TextRange> shown = shownOperations(findings);
        for (Finding f : findings) {
            if (f.severity() != Severity.OFF) {
                result.add(diagnostic(f, source, uri, shown));
            }
        }
        return result;
    }

    public static DiagnosticSeverity severity(Severity severity) {
        switch (severity) {
            case ERROR: return DiagnosticSeverity.Error;
            case WARNING: return DiagnosticSeverity.Warning;
            case INFO: return DiagnosticSeverity.Information;
            default: return DiagnosticSeverity.Hint;
        }
    }

    /** A related place: same-file ranges are converted with the document's text, others taken as given. */
    public static Location location(RelatedLocation loc, SourceText source, String uri) {
        if (loc.file() == null) {
            return new Location(uri, range(source, loc.range()));
        }
        return new Location(DocumentUris.toUri(loc.file()), new Range(position(loc.start()), position(loc.end())));
    }

    public static Range range(SourceText source, TextRange range) {
        return new Range(position(source, range.start()), position(source, range.end()));
    }

    public static Position position(SourceText source, int offset) {
        return position(source.positionAt(offset));
    }

    public static Position position(TextPosition p) {
        return new Position(p.line(), p.column());
    }

    /** The offsets of an LSP range in this text (clamped to the text). */
    public static TextRange textRange(SourceText source, Range range) {
        int start = offset(source, range.getStart());
        int end = offset(source, range.getEnd());
        return new TextRange(Math.min(start, end), Math.max(start, end));
    }

    public static int offset(SourceText source, Position p) {
        return source.offsetAt(new TextPosition(p.getLine(), p.getCharacter()));
    }

    public static List<TextEdit> edits(Fix fix, SourceText source) {
        List<TextEdit> edits = new ArrayList<>();
        for (dev.unsafehints.text.TextEdit e : fix.edits()) {
            edits.add(new TextEdit(range(source, e.range()), e.newText()));
        }
        return edits;
    }
}
