package dev.unsafehints.lsp;

import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.DocumentUris;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.lsp.features.CodeActions;
import dev.unsafehints.lsp.features.CodeLenses;
import dev.unsafehints.lsp.features.Highlights;
import dev.unsafehints.lsp.features.HoverBuilder;
import dev.unsafehints.lsp.features.SemanticTokensBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The {@code textDocument/*} methods, kept thin: notifications update the open documents and
 * schedule analysis; requests wait (cancellably) for the analysis of the document's current
 * version and hand it to a feature class.
 */
final class UnsafeHintsTextDocumentService implements TextDocumentService {
    private static final long WAIT_SLICE_MS = 25;

    private final UnsafeHintsLanguageServer server;
    private final HoverBuilder hovers;
    private final Highlights highlights;
    private final SemanticTokensBuilder semanticTokens;

    UnsafeHintsTextDocumentService(UnsafeHintsLanguageServer server) {
        this.server = server;
        this.hovers = new HoverBuilder(server.rules());
        this.highlights = new Highlights(server.rules());
        this.semanticTokens = new SemanticTokensBuilder(server.rules());
    }

    /** Only Rust documents are analysed; the client may still send others our way. */
    boolean isAnalysed(OpenDocuments.Document doc) {
        return "rust".equalsIgnoreCase(doc.languageId()) || doc.uri().endsWith(".rs");
    }

    // ---- notifications (run in order on the JSON-RPC thread; must be quick) -------------------

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        guarded("didOpen", () -> {
            var item = params.getTextDocument();
            OpenDocuments.Document doc = server.documents().open(item.getUri(), item.getLanguageId(),
                    item.getVersion(), item.getText());
            if (isAnalysed(doc)) {
                server.analyses().submit(server.snapshotOf(doc), Duration.ZERO);
            }
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        guarded("didChange", () -> {
            String uri = params.getTextDocument().getUri();
            Optional<OpenDocuments.Document> open = server.documents().get(uri);
            if (open.isEmpty()) {
                server.log().warn("ignoring a change to " + uri + ", which is not open (didOpen was not received)");
                return;
            }
            String text = DocumentText.apply(open.get().text(), params.getContentChanges());
            Integer version = params.getTextDocument().getVersion();
            OpenDocuments.Document doc = server.documents().replace(open.get(),
                    version == null ? open.get().version() + 1 : version, text);
            if (isAnalysed(doc)) {
                server.analyses().submit(server.snapshotOf(doc), server.options().debounce());
            }
        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        guarded("didClose", () -> {
            String uri = params.getTextDocument().getUri();
            Optional<OpenDocuments.Document> doc = server.documents().get(uri);
            server.documents().close(uri);
            server.analyses().remove(uri);
            server.forgetAnalysis(uri);
            if (doc.isPresent() && isAnalysed(doc.get())) {
                if (!server.features().pullDiagnostics()) {
                    server.publish(uri, List.of(), null); // a closed file shows no diagnostics of ours
                }
                DocumentUris.toPath(uri).ifPresent(p -> server.inventory().documentClosed(p,
                        server.settings().rootOf(p) != null));
            }
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The open document's text is already current; the disk only matters once it is closed.
    }

    private void guarded(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            server.log().error(what + " failed", e);
        }
    }

    // ---- requests -----------------------------------------------------------------------------

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return onAnalysis(params.getTextDocument().getUri(), (doc, cancel) ->
                hovers.hover(doc, FindingConverter.offset(doc.source(), params.getPosition()),
                        server.features().markdownHover()));
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return onAnalysis(params.getTextDocument().getUri(), (doc, cancel) ->
                highlights.at(doc, FindingConverter.offset(doc.source(), params.getPosition())), List.of());
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        return onAnalysis(params.getTextDocument().getUri(), (doc, cancel) ->
                new CodeActions(server.features().documentChanges()).actions(doc, params.getRange(), only), List.of());
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return onAnalysis(params.getTextDocument().getUri(), (doc, cancel) -> new CodeLenses(server.rules(),
                server.features().clientCommands().contains(CodeLenses.SHOW_OPERATIONS)).lenses(doc), List.of());
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return onAnalysis(params.getTextDocument().getUri(), (doc, cancel) ->
                semanticTokens.tokens(doc, server.features().multilineSemanticTokens()), new SemanticTokens(List.of()));
    }

    /**
     * Pull diagnostics. The result id is the document version plus the settings generation, so a
     * client asking again for an unchanged document gets an "unchanged" report.
     */
    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument().getUri();
        return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> {
            AnalyzedDocument doc = awaitAnalysis(uri, cancel);
            if (doc == null) {
                doc = closedFile(uri);
                if (doc == null) {
                    return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of()));
                }
            }
            cancel.checkCanceled();
            String resultId = doc.version() + ":" + doc.settingsGeneration();
            if (doc.version() >= 0 && resultId.equals(params.getPreviousResultId())) {
                return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(resultId));
            }
            RelatedFullDocumentDiagnosticReport full = new RelatedFullDocumentDiagnosticReport(
                    FindingConverter.diagnostics(doc.findings(), doc.source(), doc.uri()));
            if (doc.version() >= 0) {
                full.setResultId(resultId);
            }
            return new DocumentDiagnosticReport(full);
        });
    }

    private AnalyzedDocument closedFile(String uri) {
        Optional<Path> path = DocumentUris.toPath(uri).filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p));
        if (path.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Files.readAllBytes(path.get()), StandardCharsets.UTF_8);
            return server.analyzeClosedFile(uri, path.get(), text);
        } catch (IOException e) {
            return null;
        }
    }

    private <R> CompletableFuture<R> onAnalysis(String uri, BiFunction<AnalyzedDocument, CancelChecker, R> feature) {
        return onAnalysis(uri, feature, null);
    }

    /** Runs a feature on the current analysis off the reader thread; {@code absent} if the document is not open. */
    private <R> CompletableFuture<R> onAnalysis(String uri, BiFunction<AnalyzedDocument, CancelChecker, R> feature,
                                               R absent) {
        return CompletableFutures.computeAsync(server.requestExecutor(), cancel -> {
            AnalyzedDocument doc = awaitAnalysis(uri, cancel);
            if (doc == null) {
                return absent;
            }
            cancel.checkCanceled();
            return feature.apply(doc, cancel);
        });
    }

    /**
     * Waits for the analysis of the document's current version, checking for {@code $/cancelRequest}
     * while it waits. Null when the document is not open (or not Rust).
     */
    AnalyzedDocument awaitAnalysis(String uri, CancelChecker cancel) {
        CompletableFuture<AnalyzedDocument> pending = server.analyses().current(uri);
        while (pending != null) {
            cancel.checkCanceled();
            try {
                return pending.get(WAIT_SLICE_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // check for cancellation, then wait on
            } catch (CancellationException e) {
                pending = server.analyses().current(uri); // superseded before it started: take the newer one
            } catch (ExecutionException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                        "unsafe-hints could not analyse " + uri + ": " + e.getCause(), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
        return null;
    }
}
