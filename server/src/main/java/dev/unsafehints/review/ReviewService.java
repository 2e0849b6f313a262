package dev.unsafehints.review;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * Review mode, protocol-free: which unsafe sites does the working tree add or change relative to
 * a base revision, what must a reviewer check at each, and which of them the review ledger already
 * covers. The command line ({@code unsafe-hints review}) and the language server ("Review Changes")
 * both call this.
 *
 * <p>A site counts as changed when the fingerprint of its enclosing item (see
 * {@link ItemFingerprint}) appears in no base version of the changed files: editing the unsafe
 * code, or the safe code in the same fn, changes it; moving an item unchanged within its module
 * (or between files that keep the module path) does not.
 */
public final class ReviewService {
    private final AnalysisSettings settings;

    public ReviewService() {
        this(AnalysisSettings.DEFAULT);
    }

    public ReviewService(AnalysisSettings settings) {
        this.settings = settings;
    }

    /** The changed unsafe sites of the repository holding {@code repo} since {@code since} (null: the default base). */
    public List<ReviewedSite> review(Path repo, String since) throws ReviewException {
        return review(ReviewRequest.of(repo, since)).sites();
    }

    public ReviewReport review(ReviewRequest request) throws ReviewException {
        try (Repository repo = GitChanges.open(request.path())) {
            return new Run(repo, request).report();
        }
    }

    /**
     * Records approvals in the ledger for the sites named by {@code refs} (site ids as printed, or a
     * prefix of at least 4 hex digits of a site hash) and writes the ledger.
     *
     * @return the approvals recorded, in the order of {@code refs}
     */
    public List<Approval> approve(ReviewRequest request, List<String> refs, String by, String note)
            throws ReviewException {
        if (refs.isEmpty()) {
            throw ReviewException.usage("--approve needs a site id");
        }
        requireNote(note);
        try (Repository repo = GitChanges.open(request.path())) {
            String reviewer = reviewer(repo, by);
            Run run = new Run(repo, request);
            run.report();
            ReviewLedger ledger = run.ledger;
            List<Approval> made = new ArrayList<>();
            for (String ref : refs) {
                Approval a = approval(repo, run.find(ref.strip()), reviewer, note);
                ledger = ledger.with(a);
                made.add(a);
            }
            ledger.write(run.ledgerFile);
            return made;
        }
    }

    /**
     * Records an approval for one site of a working-tree file, as {@code review --approve} records
     * it, and writes the ledger ({@code ledger}, or null for the one at the repository root). The
     * site need not be changed since any base: an editor approves what the reviewer looks at.
     */
    public Approval approve(SiteInFile target, Path ledgerFile, String by, String note) throws ReviewException {
        requireNote(note);
        if (!target.file().getFileName().toString().endsWith(".rs")) {
            throw ReviewException.usage(target.file() + " is not a Rust file");
        }
        try (Repository repo = GitChanges.open(target.file())) {
            String reviewer = reviewer(repo, by);
            Run run = new Run(repo, new ReviewRequest(target.file(), null, ledgerFile));
            run.ledger = ReviewLedger.read(run.ledgerFile);
            Approval a = approval(repo, run.findInFile(target), reviewer, note);
            run.ledger.with(a).write(run.ledgerFile);
            return a;
        }
    }

    /** The ledger file an approval of this file goes to: {@code ledger}, or the one at its repository's root. */
    public static Path ledgerFor(Path file, Path ledger) throws ReviewException {
        if (ledger != null) {
            return ledger.toAbsolutePath();
        }
        try (Repository repo = GitChanges.open(file)) {
            return realPath(repo.getWorkTree().toPath()).resolve(ReviewLedger.DEFAULT_FILE);
        }
    }

    private static void requireNote(String note) throws ReviewException {
        if (note == null || note.isBlank()) {
            throw ReviewException.usage("--approve needs --note TEXT: the argument why the site is sound");
        }
    }

    private static String reviewer(Repository repo, String by) throws ReviewException {
        String reviewer = by == null || by.isBlank() ? repo.getConfig().getString("user", null, "name") : by;
        if (reviewer == null || reviewer.isBlank()) {
            throw ReviewException.usage("--approve needs --by NAME (git's user.name is not set)");
        }
        return reviewer.strip();
    }

    private static Approval approval(Repository repo, Candidate c, String reviewer, String note) {
        return new Approval(c.siteId(), c.file.file, c.site.fingerprint.itemPath(), c.site.kind, c.site.ordinal,
                c.site.fingerprint.hash(), reviewer, LocalDate.now(ZoneOffset.UTC).toString(), GitChanges.head(repo),
                note.strip());
    }

    /** A site of the working tree, with the file it is in. */
    private record Candidate(FileSites file, FileSites.Site site) {
        String siteId() {
            return file.file + ":" + site.siteId;
        }
    }

    /** One review of one repository. */
    private final class Run {
        private final Repository repo;
        private final ReviewRequest request;
        private final Path root;
        private final String prefix;
        private final Path ledgerFile;
        private final CrateIndexer indexer = new CrateIndexer();
        private final List<String> notes = new ArrayList<>();
        /** Working-tree versions analyzed: the changed files and the files the ledger names. */
        private final Map<String, FileSites> current = new LinkedHashMap<>();
        private final Map<String, List<Finding>> findings = new HashMap<>();
        private ReviewLedger ledger;

        Run(Repository repo, ReviewRequest request) throws ReviewException {
            this.repo = repo;
            this.request = request;
            this.root = realPath(repo.getWorkTree().toPath());
            Path target = realPath(request.path());
            if (!target.startsWith(root)) {
                throw ReviewException.usage(request.path() + " is outside the working tree " + root);
            }
            this.prefix = slashes(root.relativize(target).toString());
            this.ledgerFile = request.ledger() != null ? request.ledger().toAbsolutePath()
                    : root.resolve(ReviewLedger.DEFAULT_FILE);
        }

        ReviewReport report() throws ReviewException {
            ledger = ReviewLedger.read(ledgerFile);
            GitChanges.Result changes = GitChanges.changes(repo, request.since(), prefix);
            notes.addAll(changes.notes());
            for (GitChanges.ChangedFile f : changes.files()) {
                if (f.newText() != null) {
                    indexer.indexFor(root.resolve(f.path()), f.newText());
                }
            }
            Set<String> oldFingerprints = new HashSet<>();
            Set<String> oldItems = new HashSet<>();
            Map<String, FileSites> old = new LinkedHashMap<>();
            for (GitChanges.ChangedFile f : changes.files()) {
                Path abs = root.resolve(f.path());
                if (f.oldText() != null) {
                    FileSites before = analyze(f.path(), abs, f.oldText(), WorkspaceIndex.empty(), false);
                    old.put(f.path(), before);
                    for (FileSites.Site s : before.sites) {
                        oldFingerprints.add(s.fingerprint.hash());
                    }
                    oldItems.addAll(before.itemPaths);
                }
                if (f.newText() != null) {
                    current.put(f.path(), analyze(f.path(), abs, f.newText(), indexer.index(), true));
                }
            }
            List<ReviewedSite> sites = new ArrayList<>();
            Set<String> newFingerprints = new HashSet<>();
            Set<String> newSlots = new HashSet<>();
            for (FileSites fs : current.values()) {
                for (FileSites.Site s : fs.sites) {
                    newFingerprints.add(s.fingerprint.hash());
                    newSlots.add(slot(s));
                    if (!oldFingerprints.contains(s.fingerprint.hash())) {
                        ReviewedSite.Change change = oldItems.contains(s.fingerprint.itemPath())
                                ? ReviewedSite.Change.CHANGED : ReviewedSite.Change.ADDED;
                        sites.add(reviewed(fs, s, change));
                    }
                }
            }
            List<ReviewReport.RemovedSite> removed = new ArrayList<>();
            for (FileSites fs : old.values()) {
                for (FileSites.Site s : fs.sites) {
                    if (!newFingerprints.contains(s.fingerprint.hash()) && !newSlots.contains(slot(s))) {
                        removed.add(new ReviewReport.RemovedSite(fs.file, s.fingerprint.itemPath(), s.kind,
                                fs.source().positionAt(s.range.start())));
                    }
                }
            }
            List<Approval> obsolete = staleOutsideTheChange(sites);
            sites.sort(Comparator.comparing(ReviewedSite::file).thenComparingInt(s -> s.range().start()));
            List<ReviewReport.DependencyChange> dependencies = request.deps()
                    ? dependencies(changes.baseCommit()) : List.of();
            return new ReviewReport(root, changes.base(), changes.baseCommit(), changes.headCommit(), ledgerFile,
                    changes.files().size(), sites, removed, obsolete, notes, dependencies, request.deps());
        }

        /**
         * review --deps: the dependencies whose version the Cargo.lock nearest above the reviewed
         * path changes between the base and the working tree.
         */
        private List<ReviewReport.DependencyChange> dependencies(String baseCommit) throws ReviewException {
            Path target = realPath(request.path());
            Path start = Files.isDirectory(target) ? target : target.getParent();
            Path lock = null;
            for (Path d = start; d != null && d.startsWith(root); d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("Cargo.lock"))) {
                    lock = d.resolve("Cargo.lock");
                    break;
                }
            }
            if (lock == null) {
                notes.add("--deps: no Cargo.lock in the working tree above " + request.path()
                        + "; no dependency is reviewed");
                return List.of();
            }
            String relative = slashes(root.relativize(lock).toString());
            String before = GitChanges.textAt(repo, baseCommit, relative, notes);
            String after;
            try {
                after = GitChanges.decode(Files.readAllBytes(lock), relative, notes);
            } catch (IOException e) {
                notes.add(relative + ": cannot read it: " + e.getMessage());
                return List.of();
            }
            if (before == null) {
                notes.add("--deps: " + relative + " is new since the base: every locked dependency counts as added");
            }
            List<DependencyReview.Locked> lockedBefore = DependencyReview.read(before, relative + " (base version)", notes);
            List<DependencyReview.Locked> lockedAfter = DependencyReview.read(after, relative, notes);
            List<DependencyReview.Change> changed = DependencyReview.changes(lockedBefore, lockedAfter);
            List<ReviewReport.DependencyChange> result = new ArrayList<>();
            for (DependencyReview.Change c : changed) {
                result.add(DependencyReview.review(c, lock.getParent(), settings, lockedBefore, lockedAfter));
            }
            return result;
        }

        /**
         * Ledger entries whose item changed although the change under review does not touch it (it
         * changed in an earlier commit): their sites are reported as stale too. Entries whose site
         * is gone are returned as obsolete.
         */
        private List<Approval> staleOutsideTheChange(List<ReviewedSite> sites) {
            List<Approval> obsolete = new ArrayList<>();
            for (Approval a : ledger.approvals()) {
                if (!prefix.isEmpty() && !(a.file().equals(prefix) || a.file().startsWith(prefix + "/"))) {
                    continue;
                }
                FileSites fs = currentVersion(a.file());
                boolean holds = false;
                FileSites.Site sameSlot = null;
                for (FileSites f : current.values()) {
                    for (FileSites.Site s : f.sites) {
                        if (a.holdsFor(s.fingerprint.hash(), s.kind, s.ordinal)) {
                            holds = true;
                        }
                        if (f == fs && a.sameSlot(f.file, s.fingerprint.itemPath(), s.kind, s.ordinal)) {
                            sameSlot = s;
                        }
                    }
                }
                if (holds) {
                    continue;
                }
                if (sameSlot == null) {
                    obsolete.add(a);
                    continue;
                }
                FileSites.Site s = sameSlot;
                boolean reported = sites.stream().anyMatch(r -> r.file().equals(fs.file) && r.range().equals(s.range));
                if (!reported) {
                    sites.add(reviewed(fs, s, ReviewedSite.Change.UNCHANGED));
                }
            }
            return obsolete;
        }

        /** The working-tree version of a file the ledger names, analyzed once; null when it is gone. */
        private FileSites currentVersion(String file) {
            FileSites fs = current.get(file);
            if (fs != null) {
                return fs;
            }
            Path abs = root.resolve(file).normalize();
            if (!abs.startsWith(root) || !Files.isRegularFile(abs)) {
                return null;
            }
            try {
                if (Files.size(abs) > GitChanges.MAX_FILE_BYTES) {
                    return null;
                }
                String text = GitChanges.decode(Files.readAllBytes(abs), file, notes);
                if (text == null) {
                    return null;
                }
                indexer.indexFor(abs, text);
                fs = analyze(file, abs, text, indexer.index(), true);
                current.put(file, fs);
                return fs;
            } catch (IOException e) {
                notes.add(file + ": cannot read it: " + e.getMessage());
                return null;
            }
        }

        private FileSites analyze(String file, Path abs, String text, WorkspaceIndex index, boolean isNew) {
            CrateInfo crate = indexer.crateOf(abs);
            FileSites fs;
            try {
                fs = FileSites.analyze(file, abs, text, crate, index, settings);
            } catch (RuntimeException | StackOverflowError e) {
                notes.add(file + (isNew ? "" : " (base version)") + ": analysis failed, its sites are not reviewed: " + e);
                return FileSites.analyze(file, abs, "", crate, WorkspaceIndex.empty(), settings);
            }
            if (isNew && fs.syntaxErrors > 0) {
                notes.add(file + ": " + fs.syntaxErrors + " syntax error(s); unsafe sites inside the broken code may be"
                        + " missing");
            }
            if (isNew && fs.model.factsFailure() != null) {
                notes.add(file + ": " + fs.model.factsFailure());
            }
            return fs;
        }

        private ReviewedSite reviewed(FileSites fs, FileSites.Site s, ReviewedSite.Change change) {
            List<Finding> fileFindings = findings.computeIfAbsent(fs.file, f -> findingsOf(fs));
            List<ChecklistItem> checklist = ChecklistBuilder.build(fs, s, fileFindings);
            ReviewedSite.Status status = ReviewedSite.Status.UNREVIEWED;
            Approval approval = ledger.holdingFor(s.fingerprint.hash(), s.kind, s.ordinal).orElse(null);
            if (approval != null) {
                status = ReviewedSite.Status.REVIEWED;
            } else {
                approval = ledger.staleFor(fs.file, s.fingerprint.itemPath(), s.kind, s.ordinal, s.fingerprint.hash())
                        .orElse(null);
                if (approval != null) {
                    status = ReviewedSite.Status.STALE;
                }
            }
            SourceText source = fs.source();
            TextPosition start = source.positionAt(s.range.start());
            return new ReviewedSite(fs.file, fs.path, s.kind, s.range, start, source.positionAt(s.range.end()),
                    fs.file + ":" + s.siteId, s.siteHash(), s.fingerprint.itemPath(), s.fingerprint.hash(), s.ordinal,
                    change, status, approval, source.lineText(start.line()).strip(), checklist);
        }

        private List<Finding> findingsOf(FileSites fs) {
            try {
                return new Analyzer().analyze(new SourceDocument(fs.path, fs.source().text(), fs.model.crate()),
                        settings, indexer.index()).findings();
            } catch (RuntimeException | StackOverflowError e) {
                notes.add(fs.file + ": the guideline rules failed on it: " + e);
                return List.of();
            }
        }

        /**
         * The site of the reviewed file ({@code prefix}: the request names one file) that the
         * target names by id, hash prefix, or a position inside it (the innermost site there).
         */
        Candidate findInFile(SiteInFile target) throws ReviewException {
            FileSites fs = currentVersion(prefix);
            if (fs == null) {
                throw ReviewException.usage(prefix + " cannot be read as a Rust file of the working tree");
            }
            Candidate best = null;
            if (target.at() == null) {
                String ref = target.idOrHash().strip();
                String lower = ref.toLowerCase(Locale.ROOT);
                boolean hashLike = lower.matches("[0-9a-f]{4,16}");
                for (FileSites.Site s : fs.sites) {
                    Candidate c = new Candidate(fs, s);
                    if (c.siteId().equals(ref) || hashLike && s.siteHash().startsWith(lower)) {
                        if (best != null) {
                            throw ReviewException.usage("`" + ref + "` matches several sites of " + prefix);
                        }
                        best = c;
                    }
                }
                if (best == null) {
                    throw ReviewException.usage("no unsafe site of " + prefix + " has the id or hash `" + ref + "`");
                }
                return best;
            }
            int offset = fs.source().offsetAt(target.at());
            for (FileSites.Site s : fs.sites) {
                boolean inside = s.range.start() <= offset && offset <= s.range.end();
                if (inside && (best == null || s.range.end() - s.range.start()
                        < best.site.range.end() - best.site.range.start())) {
                    best = new Candidate(fs, s);
                }
            }
            if (best == null) {
                throw ReviewException.usage("no unsafe site at " + prefix + ":" + (target.at().line() + 1) + ":"
                        + (target.at().column() + 1) + " (an unsafe block, fn, impl, trait, extern block, static mut,"
                        + " union, unsafe attribute or asm!)");
            }
            return best;
        }

        /** The site named by an id or a hash prefix, among the working-tree versions analyzed. */
        Candidate find(String ref) throws ReviewException {
            List<Candidate> matches = new ArrayList<>();
            String lower = ref.toLowerCase(Locale.ROOT);
            boolean hashLike = lower.matches("[0-9a-f]{4,16}");
            for (FileSites fs : current.values()) {
                for (FileSites.Site s : fs.sites) {
                    Candidate c = new Candidate(fs, s);
                    if (c.siteId().equals(ref) || hashLike && s.siteHash().startsWith(lower)) {
                        matches.add(c);
                    }
                }
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.isEmpty()) {
                throw ReviewException.usage("no changed unsafe site has the id or hash `" + ref + "`; run"
                        + " `unsafe-hints review` to list the sites");
            }
            StringBuilder sb = new StringBuilder("`" + ref + "` is ambiguous; it matches:");
            for (Candidate c : matches) {
                sb.append("\n  ").append(c.siteId()).append("  ").append(c.site.siteHash(), 0, 8);
            }
            throw ReviewException.usage(sb.toString());
        }
    }

    private static String slot(FileSites.Site s) {
        return s.fingerprint.itemPath() + '\u0000' + s.kind + '\u0000' + s.ordinal;
    }

    private static Path realPath(Path p) throws ReviewException {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw ReviewException.usage(p + ": " + e.getMessage());
        }
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
