package dev.unsafehints.lsp.inventory;

import dev.unsafehints.analysis.FileAnalysis;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.lsp.document.FindingConverter;
import dev.unsafehints.lsp.document.RuleLookup;
import dev.unsafehints.rules.RuleInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.WorkspaceFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The unsafe sites of the whole workspace, for the {@code unsafe-hints.inventory} command. Built in
 * the background on one low-priority thread by analysing every Rust file of the workspace folders;
 * kept current from the analyses of open documents (the editor's text wins over the disk while a
 * file is open) and from file-change notifications. Only the sites are kept, not the analyses, so
 * a large workspace stays small in memory.
 */
public final class WorkspaceInventory implements AutoCloseable {
    /** Files bigger than this are left out of the index (generated code, test data). */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /**
     * What the inventory does with a file's text, as the server would: record its declarations in the
     * workspace index (which the analysis of other files reads), and analyse it.
     */
    public interface FileAnalyzer {
        void declare(Path file, String text);

        /** Records declarations an analysis already read (no parse). */
        void declare(Path file, FileDeclarations declarations);

        void forget(Path file);

        FileAnalysis analyze(Path file, String text);
    }

    /** The facts about a file the sites need: its URI, crate name and workspace-relative path. */
    public interface FileNaming {
        String crateName(Path file);

        String relativePath(Path file);
    }

    private record FileSites(List<InventorySite> sites) {
    }

    private final RuleLookup rules;
    private final FileAnalyzer analyzer;
    private final FileNaming naming;
    private final Consumer<String> warn;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "unsafe-hints-indexer");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
    private final Map<Path, FileSites> files = new ConcurrentHashMap<>();
    private final Set<Path> open = ConcurrentHashMap.newKeySet();
    /** Newest analysis of open documents whose declarations still have to reach the index. */
    private final Map<Path, FileAnalysis> pendingDeclarations = new ConcurrentHashMap<>();
    private final AtomicLong passCounter = new AtomicLong();
    /** Incomplete until the first pass ends: the server starts one right after {@code initialized}. */
    private volatile CompletableFuture<Void> currentPass = new CompletableFuture<>();
    private volatile boolean everIndexed;

    public WorkspaceInventory(RuleLookup rules, FileAnalyzer analyzer, FileNaming naming, Consumer<String> warn) {
        this(rules, analyzer, naming, warn, () -> false);
    }

    /**
     * {@code editorBusy}: whether an open document's analysis is running; an indexing pass waits
     * before each file while it is, so the editor's diagnostics (the first ones above all, while
     * the JVM is still cold) do not share the cores with it.
     */
    public WorkspaceInventory(RuleLookup rules, FileAnalyzer analyzer, FileNaming naming, Consumer<String> warn,
                              java.util.function.BooleanSupplier editorBusy) {
        this.rules = rules;
        this.analyzer = analyzer;
        this.naming = naming;
        this.warn = warn;
        this.editorBusy = editorBusy;
    }

    private final java.util.function.BooleanSupplier editorBusy;
    /** The longest an indexing pass waits for the editor's analyses before it goes on regardless. */
    private static final long MAX_YIELD_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    /** Waits while the editor's analyses run (at most {@link #MAX_YIELD_NANOS}, and not past a newer pass). */
    private void yieldToEditor(long pass) {
        long deadline = System.nanoTime() + MAX_YIELD_NANOS;
        while (editorBusy.getAsBoolean() && passCounter.get() == pass && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Re-analyses every Rust file under the roots in the background; a pass still running is
     * abandoned. {@code progress} is called on the indexer thread.
     */
    public synchronized CompletableFuture<Void> reindex(List<Path> roots, Supplier<ProgressReporter> progress) {
        long pass = passCounter.incrementAndGet();
        CompletableFuture<Void> previous = currentPass;
        CompletableFuture<Void> done = new CompletableFuture<>();
        // whoever waits for the abandoned pass gets the answer of this one
        done.whenComplete((v, e) -> previous.complete(null));
        currentPass = done;
        boolean queued = run(() -> {
            try {
                runPass(pass, roots, progress.get());
            } catch (RuntimeException e) {
                warn.accept("indexing the workspace failed: " + e);
            } catch (OutOfMemoryError e) {
                // What the pass allocated is garbage once it unwinds; the server itself goes on.
                warn.accept("indexing the workspace ran out of memory after " + files.size() + " files; the"
                        + " inventory is incomplete (give the server more heap, e.g. -Xmx1g)");
            } finally {
                if (passCounter.get() == pass) {
                    everIndexed = true;
                    done.complete(null);
                }
            }
        });
        if (!queued) {
            done.complete(null);
        }
        return done;
    }

    private void runPass(long pass, List<Path> roots, ProgressReporter progress) {
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            all.addAll(WorkspaceFiles.rustFilesUnder(root));
        }
        progress.begin("Indexing unsafe code", all.size() + " Rust files");
        int step = Math.max(1, all.size() / 10);
        int total = Math.max(1, 2 * all.size());
        // Two passes, as the analysis of one file reads the declarations of the others (which fns
        // are unsafe, which statics are mut): first every file's declarations, then the analyses.
        for (int i = 0; i < all.size(); i++) {
            yieldToEditor(pass);
            if (passCounter.get() != pass) {
                progress.end("superseded by a newer indexing pass");
                return;
            }
            Path file = all.get(i);
            if (!open.contains(file)) {
                readText(file).ifPresent(text -> declare(file, text));
            }
            if ((i + 1) % step == 0) {
                progress.report("declarations: " + (i + 1) + "/" + all.size() + " files", (int) ((i + 1) * 100L / total));
            }
        }
        Set<Path> seen = new HashSet<>(all);
        for (int i = 0; i < all.size(); i++) {
            yieldToEditor(pass);
            if (passCounter.get() != pass) {
                progress.end("superseded by a newer indexing pass");
                return;
            }
            Path file = all.get(i);
            if (!open.contains(file)) {
                readText(file).ifPresentOrElse(text -> sitesFromText(file, text), () -> files.remove(file));
            }
            if ((i + 1) % step == 0 || i + 1 == all.size()) {
                progress.report("analysis: " + (i + 1) + "/" + all.size() + " files",
                        (int) ((all.size() + i + 1) * 100L / total));
            }
        }
        for (Path known : new ArrayList<>(files.keySet())) {
            if (!seen.contains(known) && !open.contains(known)) {
                files.remove(known);
                analyzer.forget(known);
            }
        }
        progress.end("Indexed " + all.size() + " files: " + siteCount() + " unsafe sites");
    }

    /**
     * Records the sites of an open document's analysis (called for every published analysis) and
     * queues its declarations for the index; bursts of edits cost one declarations update.
     */
    public void updateFromOpenDocument(Path file, FileAnalysis analysis) {
        open.add(file);
        files.put(file, new FileSites(sites(file, analysis)));
        if (pendingDeclarations.put(file, analysis) == null) {
            run(() -> {
                FileAnalysis newest = pendingDeclarations.remove(file);
                if (newest != null) {
                    declare(file, newest);
                }
            });
        }
    }

    /** The document was closed: the disk's text counts again. */
    public void documentClosed(Path file, boolean inWorkspace) {
        open.remove(file);
        if (inWorkspace) {
            fileChangedOnDisk(file);
        } else {
            files.remove(file);
        }
    }

    /** A watched file was created or changed (or deleted, when it no longer exists). */
    public void fileChangedOnDisk(Path file) {
        run(() -> {
            if (open.contains(file)) {
                return;
            }
            java.util.Optional<String> text = Files.isRegularFile(file) ? readText(file) : java.util.Optional.empty();
            if (text.isPresent()) {
                declare(file, text.get());
                sitesFromText(file, text.get());
            } else {
                files.remove(file);
                analyzer.forget(file);
            }
        });
    }

    /** Queues work for the indexer thread; after {@link #close()} there is nothing left to do. */
    private boolean run(Runnable task) {
        try {
            worker.execute(task);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return false;
        }
    }

    /** The file's text, unless it is unreadable or too big to index. */
    static java.util.Optional<String> readText(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(decode(Files.readAllBytes(file)));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** The declarations the analysis kept (the server's analyzer keeps them), or read from its text. */
    private void declare(Path file, FileAnalysis analysis) {
        java.util.Optional<FileDeclarations> known = analysis.declarations().filter(d -> file.equals(d.file()));
        if (known.isEmpty()) {
            declare(file, analysis.source().text());
            return;
        }
        try {
            analyzer.declare(file, known.get());
        } catch (RuntimeException e) {
            warn.accept("cannot record the declarations of " + file + ": " + e);
        }
    }

    private void declare(Path file, String text) {
        try {
            analyzer.declare(file, text);
        } catch (RuntimeException | StackOverflowError e) {
            warn.accept("cannot read the declarations of " + file + ": " + e);
        }
    }

    private void sitesFromText(Path file, String text) {
        try {
            files.put(file, new FileSites(sites(file, analyzer.analyze(file, text))));
        } catch (RuntimeException | StackOverflowError e) {
            files.remove(file);
            warn.accept("cannot index " + file + ": " + e);
        }
    }

    private List<InventorySite> sites(Path file, FileAnalysis analysis) {
        return sitesOf(rules, file, naming.crateName(file), naming.relativePath(file), analysis);
    }

    /** The inventory and operation findings of an analysis, as sites of that file. */
    static List<InventorySite> sitesOf(RuleLookup rules, Path file, String crate, String relative, FileAnalysis analysis) {
        List<InventorySite> sites = new ArrayList<>();
        String uri = file.toUri().toString();
        for (Finding f : analysis.findings()) {
            RuleInfo.Category category = rules.category(f.ruleId());
            if (category == RuleInfo.Category.INVENTORY || category == RuleInfo.Category.OPERATION) {
                sites.add(new InventorySite(uri, crate, relative, f.ruleId(), category.name().toLowerCase(Locale.ROOT),
                        f.severity().label(), FindingConverter.range(analysis.source(), f.range()), f.message(),
                        FindingConverter.documented(f)));
            }
        }
        return List.copyOf(sites);
    }

    /** Completes when the latest indexing pass (and every pass it replaced) has finished. */
    public CompletableFuture<Void> ready() {
        return currentPass;
    }

    public boolean everIndexed() {
        return everIndexed;
    }

    /** All sites, ordered by file and position; optionally only those of one URI. */
    public List<InventorySite> sites(String onlyUri) {
        List<InventorySite> all = new ArrayList<>();
        for (FileSites f : files.values()) {
            for (InventorySite s : f.sites()) {
                if (onlyUri == null || onlyUri.equals(s.uri())) {
                    all.add(s);
                }
            }
        }
        all.sort(Comparator.comparing(InventorySite::uri)
                .thenComparingInt((InventorySite s) -> s.range().getStart().getLine())
                .thenComparingInt(s -> s.range().getStart().getCharacter())
                .thenComparing(InventorySite::ruleId));
        return all;
    }

    public int fileCount() {
        return files.size();
    }

    public int siteCount() {
        int n = 0;
        for (FileSites f : files.values()) {
            n += f.sites().size();
        }
        return n;
    }

    static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.UTF_8); // malformed bytes become U+FFFD
        }
    }

    public static Function<Path, String> relativeTo(List<Path> roots) {
        return file -> {
            for (Path root : roots) {
                if (file.startsWith(root)) {
                    return root.relativize(file).toString().replace('\\', '/');
                }
            }
            return file.toString();
        };
    }

    @Override
    public void close() {
        passCounter.incrementAndGet();
        worker.shutdownNow();
        currentPass.complete(null);
    }
}
