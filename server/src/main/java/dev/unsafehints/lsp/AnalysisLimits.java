package dev.unsafehints.lsp;

import dev.unsafehints.analysis.CodeTokens;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.FileStructure;
import dev.unsafehints.analysis.FileSummary;
import dev.unsafehints.analysis.SyntaxProblem;
import dev.unsafehints.analysis.Watchdog;
import dev.unsafehints.grammar.Edition;
import dev.unsafehints.grammar.NestingLimit;
import dev.unsafehints.lsp.document.Snapshot;
import dev.unsafehints.text.SourceText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents the server does not analyse, and telling the user so once per document: one larger
 * than {@link #MAX_DOCUMENT_CHARS} (a 50 MB generated file would take minutes and gigabytes on
 * every edit), one the parser refuses for its nesting depth ({@link NestingLimit}), and one
 * whose analysis the watchdog stopped after {@link #MAX_ANALYSIS_TIME} (told on each version). Such a
 * document gets empty diagnostics (clearing older ones) and a warning in the client's log; a
 * document too large is not indexed, lexed or parsed at all.
 */
final class AnalysisLimits {
    /** The largest document analysed, in UTF-16 units; the same 4 MB the workspace inventory reads. */
    static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

    private final ClientLog log;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    AnalysisLimits(ClientLog log) {
        this.log = log;
    }

    /**
     * How long the analysis of one version of a document may take. A normal file takes
     * milliseconds; past this, the analysis is stopped (see Watchdog) so that it cannot hold a
     * worker thread, and the document is shown as not analysed. The system property
     * {@code unsafehints.analysisTimeLimitMillis} changes it (the test of the watchdog uses 1 ms).
     */
    static final java.time.Duration MAX_ANALYSIS_TIME =
            java.time.Duration.ofMillis(Math.max(1, Long.getLong("unsafehints.analysisTimeLimitMillis", 20_000)));

    /** The analysis of a document whose analysis was stopped by the watchdog: empty, with the reason. */
    FileAnalysis timedOut(Snapshot snapshot, Edition edition, Watchdog.TimedOut slow) {
        String note = snapshot.uri() + " is " + slow.getMessage() + "; please report the file";
        log.warn(note);
        return empty(snapshot, note, edition);
    }

    private static FileAnalysis empty(Snapshot snapshot, String note, Edition edition) {
        return new FileAnalysis(snapshot.path(), new SourceText(""), edition, List.of(),
                List.of(), new FileSummary(Map.of(), 0, 0, 0, 0), List.of(note),
                CodeTokens.NONE, FileStructure.NONE, Optional.empty());
    }

    /** An empty analysis for a document too large to analyse, or empty when it may be analysed. */
    Optional<FileAnalysis> refuse(Snapshot snapshot, Edition edition) {
        int length = snapshot.text().length();
        if (length <= MAX_DOCUMENT_CHARS) {
            warned.remove(snapshot.uri() + "#size");
            return Optional.empty();
        }
        String note = String.format(Locale.ROOT, "%s is not analysed: %.1f MB is more than the %d MB limit",
                snapshot.uri(), length / 1048576.0, MAX_DOCUMENT_CHARS / 1048576);
        if (warned.add(snapshot.uri() + "#size")) {
            log.warn(note);
        }
        // An empty text, not the document's: what reads the analysis (the workspace index, semantic
        // tokens, hovers) must not lex or parse the huge text either.
        return Optional.of(empty(snapshot, note, edition));
    }

    /** Warns (once per document) when the parser refused the document. */
    void reportRefusal(Snapshot snapshot, FileAnalysis analysis) {
        for (SyntaxProblem p : analysis.syntaxProblems()) {
            if (p.message().contains(NestingLimit.NOT_ANALYZED)) {
                if (warned.add(snapshot.uri() + "#nesting")) {
                    log.warn(snapshot.uri() + ": " + p.message());
                }
                return;
            }
        }
        warned.remove(snapshot.uri() + "#nesting");
    }
}
