package dev.unsafehints.lsp;

import com.google.gson.JsonElement;
import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Watchdog;
import dev.unsafehints.config.ConfigFile;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.lsp.document.AnalyzedDocument;
import dev.unsafehints.lsp.document.DocumentUris;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.lsp.document.Snapshot;
import dev.unsafehints.lsp.features.SemanticTokensBuilder;
import dev.unsafehints.engine.DependencyIndexer;
import dev.unsafehints.lsp.inventory.DependencyInventory;
import dev.unsafehints.lsp.inventory.WorkspaceInventory;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PositionEncodingKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The language server: lifecycle, capabilities, and the state the two services share (open
 * documents, their analyses, settings, the workspace inventory). Analysis happens through
 * {@link Analyzer} only; everything LSP-specific about findings is in {@link FindingConverter} and
 * the feature classes.
 */
public final class UnsafeHintsLanguageServer implements LanguageServer, LanguageClientAware {
    public static final String CMD_INVENTORY = "unsafe-hints.inventory";
    public static final String CMD_STATUS = "unsafe-hints.status";
    /** The unsafe sites changed since a base revision, with reviewer checklists (see docs/review.md). */
    public static final String CMD_REVIEW = "unsafe-hints.reviewChanges";
    /** Records a reviewer's approval of one unsafe site in the review ledger, as {@code review --approve}. */
    public static final String CMD_APPROVE = "unsafe-hints.approveSite";
    /** Without argument the packages of the crate graph; with a package's folder, its unsafe sites. */
    public static final String CMD_DEPENDENCIES = "unsafe-hints.dependencies";
    /** Every command the server runs through {@code workspace/executeCommand}. */
    static final List<String> COMMANDS = List.of(CMD_INVENTORY, CMD_STATUS, CMD_REVIEW, CMD_APPROVE,
            CMD_DEPENDENCIES);
    private static final long SETTINGS_WAIT_MS = 5_000;

    private final ServerOptions options;
    private final ClientLog log;
    private final RuleLookup rules;
    private final Analyzer analyzer;
    private final WorkspaceIndex index = WorkspaceIndex.empty();
    private final OpenDocuments documents = new OpenDocuments();
    private final SettingsStore settings;
    private final DocumentAnalyses analyses;
    private final WorkspaceInventory inventory;
    private final AnalysisLimits limits;
    private final Watchdog watchdog = new Watchdog(AnalysisLimits.MAX_ANALYSIS_TIME);
    private final ExecutorService requests =
            Executors.newCachedThreadPool(DaemonThreads.named("unsafe-hints-request"));
    private final ExecutorService background =
            Executors.newSingleThreadExecutor(DaemonThreads.lowPriority("unsafe-hints-startup"));
    private final CompletableFuture<Void> initialSettings = new CompletableFuture<>();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final AtomicBoolean shutdownRequested = new AtomicBoolean();
    private final UnsafeHintsTextDocumentService textDocumentService;
    private final UnsafeHintsWorkspaceService workspaceService;
    private volatile CargoManifests manifests = new CargoManifests();
    private final DependencyLoader dependencies;
    private final DependencyInventory dependencyInventory;
    /** What the last dependency load was for (roots, cargo allowed, manifests read): reload when it changes. */
    private volatile String dependencyInputs = "";
    /**
     * False when the client said the workspace is not trusted ({@code initializationOptions:
     * {"workspaceTrusted": false}}, as VS Code's restricted mode): then cargo never runs.
     */
    private volatile boolean workspaceTrusted = true;
    private final java.util.concurrent.atomic.AtomicLong manifestChanges = new java.util.concurrent.atomic.AtomicLong();
    private volatile LanguageClient client;
    /** The diagnostics last sent for each file that has some (see {@link #publish}). */
    private final java.util.Map<String, PublishDiagnosticsParams> lastPublished = new java.util.HashMap<>();
    private volatile ClientFeatures features = ClientFeatures.NONE;
    private volatile ParentProcessWatcher parentWatcher;

    public UnsafeHintsLanguageServer(ServerOptions options, ClientLog log) {
        this.options = options;
        this.log = log;
        this.rules = new RuleLookup(options.rules());
        this.limits = new AnalysisLimits(log);
        this.analyzer = new Analyzer(options.rules()).keepingCodeTokens().keepingDeclarations(); // both: for Analyzer.analyzeEdit and the index
        this.settings = new SettingsStore(log);
        this.dependencies = new DependencyLoader(index, options.declarationsCache(), log);
        this.dependencyInventory = new DependencyInventory(rules, (pkg, file, text) -> DeepStack.call(() -> analyzer.analyze(
                new SourceDocument(file, text, DependencyIndexer.crateOf(pkg, manifests)), settingsFor(file), index)),
                log::warn);
        this.analyses = new DocumentAnalyses(this::analyzeSnapshot, this::onCurrentAnalysis,
                options.analysisThreads(), log);
        this.inventory = new WorkspaceInventory(rules, new WorkspaceInventory.FileAnalyzer() {
            @Override
            public void declare(Path file, String text) {
                declareFile(file, text);
            }

            @Override
            public void declare(Path file, FileDeclarations declarations) {
                index.update(manifests.crateOf(file), declarations);
            }

            @Override
            public void forget(Path file) {
                index.remove(file);
            }

            @Override
            public FileAnalysis analyze(Path file, String text) {
                return analyzeFile(file, text);
            }
        }, new WorkspaceInventory.FileNaming() {
            @Override
            public String crateName(Path file) {
                return manifests.crateOf(file).name();
            }

            @Override
            public String relativePath(Path file) {
                return WorkspaceInventory.relativeTo(settings.roots()).apply(file);
            }
        }, log::warn, analyses::busy);
        this.textDocumentService = new UnsafeHintsTextDocumentService(this);
        this.workspaceService = new UnsafeHintsWorkspaceService(this);
    }

    /** The version in the jar manifest (same source as the CLI's --version). */
    static String serverVersion() {
        String v = UnsafeHintsLanguageServer.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
        log.connect(languageClient);
    }

    // ---- lifecycle -------------------------------------------------------------------------

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        features = ClientFeatures.of(params.getCapabilities(), params.getInitializationOptions());
        log.setTrace(params.getTrace());
        settings.setRoots(workspaceRoots(params));
        workspaceTrusted = !(params.getInitializationOptions() instanceof com.google.gson.JsonObject o
                && o.get("workspaceTrusted") instanceof com.google.gson.JsonPrimitive p && p.isBoolean()
                && !p.getAsBoolean());
        if (params.getProcessId() != null) {
            parentWatcher = ParentProcessWatcher.watch(params.getProcessId(), options.parentPollInterval(),
                    () -> exitCode.complete(1), log).orElse(null);
        }
        String client = params.getClientInfo() == null ? "an unnamed client"
                : params.getClientInfo().getName() + " " + Optional.ofNullable(params.getClientInfo().getVersion()).orElse("");
        log.info("unsafe-hints " + serverVersion() + " serving " + client.strip() + "; workspace folders "
                + settings.roots() + "; diagnostics by " + (features.pullDiagnostics() ? "pull" : "push"));
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(),
                new ServerInfo("unsafe-hints", serverVersion())));
    }

    private ServerCapabilities capabilities() {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setPositionEncoding(PositionEncodingKind.UTF16);
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        caps.setDocumentHighlightProvider(true);
        caps.setCodeLensProvider(new CodeLensOptions(false));
        SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(
                SemanticTokensBuilder.legend(), true, false);
        caps.setSemanticTokensProvider(tokens);
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(COMMANDS));
        if (features.pullDiagnostics()) {
            DiagnosticRegistrationOptions diag = new DiagnosticRegistrationOptions(false, false);
            diag.setIdentifier("unsafe-hints");
            caps.setDiagnosticProvider(diag);
        }
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        caps.setExperimental(java.util.Map.of("unsafeHints", SiteRules.declared()));
        return caps;
    }

    private static List<Path> workspaceRoots(InitializeParams params) {
        LinkedHashSet<Path> roots = new LinkedHashSet<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                DocumentUris.toPath(f.getUri()).ifPresent(roots::add);
            }
        }
        if (roots.isEmpty()) {
            @SuppressWarnings("deprecation")
            String rootUri = params.getRootUri();
            @SuppressWarnings("deprecation")
            String rootPath = params.getRootPath();
            if (rootUri != null) {
                DocumentUris.toPath(rootUri).ifPresent(roots::add);
            } else if (rootPath != null && !rootPath.isBlank()) {
                roots.add(Path.of(rootPath).toAbsolutePath().normalize());
            }
        }
        return new ArrayList<>(roots);
    }

    @Override
    public void initialized(InitializedParams params) {
        // Everything here waits for answers from the client, so it runs off the reader thread.
        settings.onConfigProblems(this::publishConfigProblems);
        background.execute(() -> {
            try {
                registerDynamicCapabilities();
                if (features.configuration()) {
                    fetchEditorSettings();
                }
            } catch (RuntimeException e) {
                log.error("setting up after initialize failed", e);
            } finally {
                initialSettings.complete(null);
            }
            // Open documents were analysed before the index knew the other files' declarations
            // (which fns are unsafe): analyse them again once it does.
            reindexWorkspace().thenRun(() -> {
                if (inventory.fileCount() > 0) {
                    reanalyseOpenDocuments();
                }
                reloadDependencies();
            });
        });
    }

    /**
     * Reads the crate graph again when what it depends on changed (the folders, whether cargo may
     * run, a manifest), then analyses the open documents again with the dependencies known.
     */
    CompletableFuture<Void> reloadDependencies() {
        boolean cargoAllowed = workspaceTrusted && settings.editorSettings().cargoEnabled();
        String inputs = settings.roots() + "|" + cargoAllowed + "|" + manifestChanges.get();
        if (shutdownRequested.get() || inputs.equals(dependencyInputs)) {
            return CompletableFuture.completedFuture(null);
        }
        dependencyInputs = inputs;
        return dependencies.load(settings.roots(), cargoAllowed, manifests,
                () -> WorkDoneProgress.create(client, features, log, "dependencies"))
                .thenAccept(loaded -> {
                    if (loaded != null && !shutdownRequested.get()) {
                        dependencyInventory.setGraph(loaded.graph(), root -> settings.roots().stream()
                                .anyMatch(r -> root.startsWith(r.toAbsolutePath().normalize())));
                        reanalyseOpenDocuments();
                    }
                });
    }

    private void registerDynamicCapabilities() {
        LanguageClient c = client;
        List<Registration> registrations = new ArrayList<>();
        if (features.watchedFilesDynamicRegistration()) {
            List<FileSystemWatcher> watchers = List.of(
                    new FileSystemWatcher(Either.forLeft("**/*.rs")),
                    new FileSystemWatcher(Either.forLeft("**/Cargo.toml")),
                    new FileSystemWatcher(Either.forLeft("**/Cargo.lock")),
                    new FileSystemWatcher(Either.forLeft("**/" + ConfigFile.FILE_NAME)));
            registrations.add(new Registration("unsafe-hints-watch", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(watchers)));
        }
        if (features.configurationDynamicRegistration()) {
            registrations.add(new Registration("unsafe-hints-config", "workspace/didChangeConfiguration", null));
        }
        if (c != null && !registrations.isEmpty()) {
            try {
                c.registerCapability(new RegistrationParams(registrations)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("the client refused to register file watching / configuration changes: " + e);
            }
        }
    }

    /** Asks the client for the {@code unsafeHints} section; blocks, so never call on the reader thread. */
    void fetchEditorSettings() {
        LanguageClient c = client;
        if (c == null) {
            return;
        }
        try {
            ConfigurationItem item = new ConfigurationItem();
            item.setSection(SettingsStore.SECTION);
            List<Object> values = c.configuration(new ConfigurationParams(List.of(item))).get(10, TimeUnit.SECONDS);
            Object value = values == null || values.isEmpty() ? null : values.get(0);
            settings.updateEditorSettings(value instanceof JsonElement ? (JsonElement) value : null);
        } catch (Exception e) {
            log.warn("cannot read the editor's " + SettingsStore.SECTION + " settings: " + e);
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested.set(true);
        inventory.close();
        dependencies.close();
        analyses.close();
        watchdog.close();
        background.shutdownNow();
        log.info("shutdown received");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exitCode.complete(shutdownRequested.get() ? 0 : 1);
    }

    /** The client closed our input without {@code exit}: 0 only if it had asked for shutdown. */
    void inputClosed() {
        exitCode.complete(shutdownRequested.get() ? 0 : 1);
    }

    /** Completes with the process exit code: on exit, end of input, or the client process dying. */
    public CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    /** Stops every thread the server started (the process may live on, e.g. in tests). */
    void dispose() {
        inventory.close();
        analyses.close();
        watchdog.close();
        requests.shutdownNow();
        background.shutdownNow();
        ParentProcessWatcher w = parentWatcher;
        if (w != null) {
            w.close();
        }
    }

    @Override
    public void setTrace(SetTraceParams params) {
        log.setTrace(params.getValue());
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocumentService;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    // ---- analysis ----------------------------------------------------------------------------

    /** The newest analysis of an open document, with what it depended on. */
    private record LastAnalysis(FileAnalysis analysis, long settingsGeneration, long indexVersion, CrateInfo crate) {
    }

    private final java.util.Map<String, LastAnalysis> lastAnalyses = new java.util.concurrent.ConcurrentHashMap<>();

    /** Forgets the last analysis of a closed document. */
    void forgetAnalysis(String uri) {
        lastAnalyses.remove(uri);
    }

    private AnalyzedDocument analyzeSnapshot(Snapshot snapshot) {
        try {
            // The first analyses wait (briefly) for the editor's settings, so a rule the user
            // turned off never flashes up right after opening.
            initialSettings.get(SETTINGS_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // go on with what we have
        }
        long generation = settings.generation();
        AnalysisSettings effective = settingsFor(snapshot.path());
        CrateInfo crate = crateOf(snapshot.uri());
        Optional<FileAnalysis> refused = limits.refuse(snapshot, crate.edition());
        if (refused.isPresent()) {
            return new AnalyzedDocument(snapshot, refused.get(), effective, generation);
        }
        long start = System.nanoTime();
        long indexVersion = index.version();
        SourceDocument document = new SourceDocument(snapshot.path(), snapshot.text(), crate);
        LastAnalysis last = lastAnalyses.get(snapshot.uri());
        // an edit inside one function re-analyses that function only, if nothing else changed since
        FileAnalysis analysis;
        try {
            analysis = watchdog.call(() -> last != null && last.settingsGeneration() == generation
                    && last.indexVersion() == indexVersion && last.crate().equals(crate)
                    ? analyzer.analyzeEdit(last.analysis(), document, effective, index)
                    : analyzer.analyze(document, effective, index));
        } catch (Watchdog.TimedOut slow) {
            lastAnalyses.remove(snapshot.uri());
            return new AnalyzedDocument(snapshot, limits.timedOut(snapshot, crate.edition(), slow), effective,
                    generation);
        }
        lastAnalyses.put(snapshot.uri(), new LastAnalysis(analysis, generation, indexVersion, crate));
        limits.reportRefusal(snapshot, analysis);
        log.debug(String.format("analysed %s version %d in %.1f ms: %d findings, %d syntax problems", snapshot.uri(),
                snapshot.version(), (System.nanoTime() - start) / 1e6, analysis.findings().size(),
                analysis.syntaxProblems().size()));
        for (String note : analysis.notes()) {
            log.debug(snapshot.uri() + ": " + note);
        }
        return new AnalyzedDocument(snapshot, analysis, effective, generation);
    }

    private FileAnalysis analyzeFile(Path file, String text) {
        return analyzer.analyze(new SourceDocument(file, text, manifests.crateOf(file)), settingsFor(file), index);
    }

    /** Puts the file's declarations (its unsafe fns, static muts, ...) into the workspace index. */
    private void declareFile(Path file, String text) {
        CrateInfo crate = manifests.crateOf(file);
        index.update(crate, DeepStack.call(() -> FileDeclarations.read(file, crate, text)));
    }

    private AnalysisSettings settingsFor(Path file) {
        return settings.forFile(file, file == null ? null : manifests.crateOf(file).root());
    }

    private CrateInfo crateOf(String uri) {
        return DocumentUris.toPath(uri).map(manifests::crateOf).orElse(CrateInfo.NONE);
    }

    /** The newest analysis of an open document: push diagnostics (first: the user waits for them), update the inventory. */
    private void onCurrentAnalysis(AnalyzedDocument doc) {
        if (!features.pullDiagnostics()) {
            publish(doc.uri(), FindingConverter.diagnostics(doc.findings(), doc.source(), doc.uri()), doc.version());
        }
        DocumentUris.toPath(doc.uri()).ifPresent(p -> inventory.updateFromOpenDocument(p, doc.analysis()));
    }

    /**
     * The problems of an `unsafe-hints.toml` as diagnostics on that file: an error when the file
     * cannot be used (its settings are ignored until it is fixed), warnings for unknown keys and
     * rule ids; none once they are fixed.
     */
    private void publishConfigProblems(Path file, SettingsStore.ConfigProblems problems) {
        List<org.eclipse.lsp4j.Diagnostic> diagnostics = new ArrayList<>();
        for (ConfigFile.Problem p : problems.errors()) {
            diagnostics.add(configDiagnostic(p, org.eclipse.lsp4j.DiagnosticSeverity.Error));
        }
        for (ConfigFile.Problem p : problems.warnings()) {
            diagnostics.add(configDiagnostic(p, org.eclipse.lsp4j.DiagnosticSeverity.Warning));
        }
        publish(DocumentUris.toUri(file), diagnostics, null);
    }

    private static org.eclipse.lsp4j.Diagnostic configDiagnostic(ConfigFile.Problem p,
                                                                 org.eclipse.lsp4j.DiagnosticSeverity severity) {
        org.eclipse.lsp4j.Range range = new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(p.line(), p.column()),
                new org.eclipse.lsp4j.Position(p.line(), Math.max(p.column(), p.endColumn())));
        org.eclipse.lsp4j.Diagnostic d = new org.eclipse.lsp4j.Diagnostic(range, p.message(), severity, "unsafe-hints");
        d.setCode("config");
        return d;
    }

    /**
     * Sends a file's diagnostics, unless they repeat the last ones sent for it: the same version
     * analysed again (after the index or the crate graph was refreshed) usually changes nothing, and
     * clients redraw every squiggle and Problems row on each notification.
     */
    void publish(String uri, List<org.eclipse.lsp4j.Diagnostic> diagnostics, Integer version) {
        LanguageClient c = client;
        if (c == null) {
            return;
        }
        PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, diagnostics, version);
        boolean cleared = version == null && diagnostics.isEmpty();
        synchronized (lastPublished) { // the check and the send in one order for every caller
            PublishDiagnosticsParams previous = cleared ? lastPublished.remove(uri) : lastPublished.put(uri, params);
            if (!params.equals(previous)) {
                c.publishDiagnostics(params);
            }
        }
    }

    Snapshot snapshotOf(OpenDocuments.Document doc) {
        return new Snapshot(doc.uri(), DocumentUris.analysisPath(doc.uri()), doc.version(), doc.text(),
                settings.generation());
    }

    /** Settings or manifests changed: analyse every open document again, re-publish, re-index. */
    void onSettingsChanged() {
        reanalyseOpenDocuments();
        LanguageClient c = client;
        if (c != null) {
            if (features.pullDiagnostics() && features.diagnosticRefresh()) {
                c.refreshDiagnostics();
            }
            if (features.codeLensRefresh()) {
                c.refreshCodeLenses();
            }
            if (features.semanticTokensRefresh()) {
                c.refreshSemanticTokens();
            }
        }
        reindexWorkspace();
        reloadDependencies();
    }

    CompletableFuture<Void> reindexWorkspace() {
        if (shutdownRequested.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return inventory.reindex(settings.roots(), () -> WorkDoneProgress.create(client, features, log, "index"));
    }

    private void reanalyseOpenDocuments() {
        if (shutdownRequested.get()) {
            return;
        }
        for (OpenDocuments.Document doc : documents.all()) {
            if (textDocumentService.isAnalysed(doc)) {
                analyses.submit(snapshotOf(doc), java.time.Duration.ZERO);
            }
        }
    }

    void cargoManifestsChanged() {
        manifests = new CargoManifests();
        manifestChanges.incrementAndGet();
    }

    // ---- shared with the services ------------------------------------------------------------

    ClientLog log() {
        return log;
    }

    RuleLookup rules() {
        return rules;
    }

    OpenDocuments documents() {
        return documents;
    }

    DocumentAnalyses analyses() {
        return analyses;
    }

    SettingsStore settings() {
        return settings;
    }

    DependencyInventory dependencyInventory() {
        return dependencyInventory;
    }

    WorkspaceInventory inventory() {
        return inventory;
    }

    ServerOptions options() {
        return options;
    }

    ClientFeatures features() {
        return features;
    }

    ExecutorService requestExecutor() {
        return requests;
    }

    LanguageClient client() {
        return client;
    }

    /** Analyses a closed file from disk for a pull request (not cached). */
    AnalyzedDocument analyzeClosedFile(String uri, Path file, String text) {
        long generation = settings.generation();
        Snapshot snapshot = new Snapshot(uri, file, -1, text, generation);
        AnalysisSettings effective = settingsFor(file);
        return new AnalyzedDocument(snapshot, analyzeFile(file, text), effective, generation);
    }
}
