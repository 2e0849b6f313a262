package dev.unsafehints.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.analysis.Finding;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.text.SourceText;
import dev.unsafehints.text.TextPosition;
import dev.unsafehints.workspace.CargoLock;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateGraph;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.PackageFiles;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code review --deps}: for each dependency whose version {@code Cargo.lock} changes between the
 * base and the working tree, the unsafe sites the new version adds or changes against the old one,
 * each with its reviewer checklist: what a cargo-vet auditor reads first. Both versions are read
 * from the sources on this machine (cargo's registry cache, directory sources, {@code vendor/},
 * git checkouts); a version that is not there is said so. A site is matched across versions by its
 * item's fingerprint, as in the review of the workspace's own code.
 */
final class DependencyReview {
    private static final TomlMapper TOML = new TomlMapper();

    private DependencyReview() {
    }

    /**
     * One locked package version; {@code dependencies} as the lock file lists them
     * ({@code "libc"} or {@code "libc 0.2.139"} when several versions are locked).
     */
    record Locked(String name, String version, String source, List<String> dependencies) {
        String kind() {
            return source.startsWith("git+") ? "git" : source.isEmpty() ? "path" : "registry";
        }
    }

    /** A version change to review: {@code from} is null for a dependency the change adds. */
    record Change(String name, String from, String to, Locked locked, Locked previous) {
    }

    /** The packages a lock file lists; empty when it cannot be read (a note says why). */
    static List<Locked> read(String lockText, String what, List<String> notes) {
        if (lockText == null) {
            return List.of();
        }
        try {
            JsonNode lock = TOML.readTree(lockText);
            List<Locked> result = new ArrayList<>();
            for (JsonNode p : lock.path("package")) {
                List<String> deps = new ArrayList<>();
                p.path("dependencies").forEach(d -> deps.add(d.asText()));
                result.add(new Locked(p.path("name").asText(), p.path("version").asText(), p.path("source").asText(""),
                        List.copyOf(deps)));
            }
            return result;
        } catch (IOException | RuntimeException e) {
            notes.add(what + " is not a Cargo.lock that can be read; its dependencies are not reviewed");
            return List.of();
        }
    }

    /**
     * The version changes from {@code before} to {@code after}, by name: every version the working
     * tree locks that the base did not, paired with the base's version it replaces (the one the
     * working tree dropped, else the nearest lower one still locked); path packages (the
     * workspace's own) are left out.
     */
    static List<Change> changes(List<Locked> before, List<Locked> after) {
        Map<String, List<Locked>> old = byName(before);
        Map<String, List<Locked>> now = byName(after);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, List<Locked>> e : now.entrySet()) {
            List<Locked> oldVersions = old.getOrDefault(e.getKey(), List.of());
            for (Locked added : e.getValue()) {
                if (added.source().isEmpty() || oldVersions.stream().anyMatch(o -> o.version().equals(added.version()))) {
                    continue;
                }
                List<Locked> dropped = oldVersions.stream()
                        .filter(o -> e.getValue().stream().noneMatch(n -> n.version().equals(o.version()))).toList();
                Locked previous = nearestBelow(dropped.isEmpty() ? oldVersions : dropped, added.version());
                changes.add(new Change(added.name(), previous == null ? null : previous.version(), added.version(),
                        added, previous));
            }
        }
        return changes;
    }

    private static Map<String, List<Locked>> byName(List<Locked> packages) {
        Map<String, List<Locked>> result = new TreeMap<>();
        packages.forEach(p -> result.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p));
        return result;
    }

    /** The highest version below {@code version}, else the lowest one (a downgrade), else null. */
    private static Locked nearestBelow(List<Locked> candidates, String version) {
        List<Locked> sorted = new ArrayList<>(candidates);
        sorted.sort((a, b) -> compareVersions(a.version(), b.version()));
        Locked below = null;
        for (Locked c : sorted) {
            if (compareVersions(c.version(), version) < 0) {
                below = c;
            }
        }
        return below != null || sorted.isEmpty() ? below : sorted.get(0);
    }

    /** Semver order of the numeric parts (pre-release and build text compared as text after them). */
    static int compareVersions(String a, String b) {
        String[] pa = a.split("[.+-]");
        String[] pb = b.split("[.+-]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            String x = i < pa.length ? pa[i] : "";
            String y = i < pb.length ? pb[i] : "";
            int c;
            if (x.matches("\\d{1,9}") && y.matches("\\d{1,9}")) {
                c = Integer.compare(Integer.parseInt(x), Integer.parseInt(y));
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Reviews one change: the sites of the new version whose item's fingerprint the old version
     * lacks. {@code lockDir} is the folder of the lock file (where cargo's configuration is read);
     * {@code before} and {@code after} are what the base's and the working tree's lock files list,
     * where each version's own dependencies are found (a wrapper's calls into `libc` resolve).
     */
    static ReviewReport.DependencyChange review(Change change, Path lockDir, AnalysisSettings settings,
                                                List<Locked> before, List<Locked> after) {
        List<String> notes = new ArrayList<>();
        Path newRoot = CargoLock.locate(lockDir, change.name(), change.to(), change.locked().source());
        if (newRoot == null) {
            notes.add(change.name() + " " + change.to() + " is not on this machine (" + where(change.locked())
                    + "); its unsafe code is not reviewed");
            return new ReviewReport.DependencyChange(change.name(), change.from(), change.to(), change.locked().kind(),
                    null, List.of(), notes);
        }
        Version now = Version.read(change.name(), change.to(), change.locked(), newRoot, settings,
                new LockedGraph(after, lockDir));
        Set<String> oldHashes = new HashSet<>();
        Set<String> oldItems = new HashSet<>();
        if (change.previous() != null) {
            Path oldRoot = CargoLock.locate(lockDir, change.name(), change.from(), change.previous().source());
            if (oldRoot == null) {
                notes.add(change.name() + " " + change.from() + " is not on this machine (" + where(change.previous())
                        + "): every unsafe site of " + change.to() + " is listed as added");
            } else {
                Version old = Version.read(change.name(), change.from(), change.previous(), oldRoot, settings,
                        new LockedGraph(before, lockDir));
                for (FileSites fs : old.files) {
                    fs.sites.forEach(s -> oldHashes.add(s.fingerprint.hash()));
                    oldItems.addAll(fs.itemPaths);
                }
            }
        }
        List<ReviewedSite> sites = new ArrayList<>();
        for (FileSites fs : now.files) {
            List<Finding> findings = null;
            for (FileSites.Site s : fs.sites) {
                if (oldHashes.contains(s.fingerprint.hash())) {
                    continue;
                }
                if (findings == null) {
                    findings = findingsOf(fs, now.index, settings);
                }
                ReviewedSite.Change how = oldItems.contains(s.fingerprint.itemPath())
                        ? ReviewedSite.Change.CHANGED : ReviewedSite.Change.ADDED;
                SourceText source = fs.source();
                TextPosition start = source.positionAt(s.range.start());
                sites.add(new ReviewedSite(fs.file, fs.path, s.kind, s.range, start, source.positionAt(s.range.end()),
                        change.name() + "@" + change.to() + ":" + fs.file + ":" + s.siteId, s.siteHash(),
                        s.fingerprint.itemPath(), s.fingerprint.hash(), s.ordinal, how,
                        ReviewedSite.Status.UNREVIEWED, null, source.lineText(start.line()).strip(),
                        ChecklistBuilder.build(fs, s, findings)));
            }
        }
        notes.addAll(now.notes);
        sites.sort(Comparator.comparing(ReviewedSite::file).thenComparingInt(s -> s.range().start()));
        return new ReviewReport.DependencyChange(change.name(), change.from(), change.to(), change.locked().kind(),
                newRoot, sites, notes);
    }

    private static String where(Locked locked) {
        return locked.source().startsWith("git+") ? "no checkout of " + locked.source().substring(4)
                + " under $CARGO_HOME/git/checkouts" : "not in cargo's registry cache, a directory source or vendor/";
    }

    private static List<Finding> findingsOf(FileSites fs, WorkspaceIndex index, AnalysisSettings settings) {
        try {
            return new Analyzer().analyze(new dev.unsafehints.workspace.SourceDocument(fs.path, fs.source().text(),
                    fs.model.crate()), settings, index).findings();
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    /** The library files of one version of a package, indexed and split into sites. */
    private record Version(List<FileSites> files, WorkspaceIndex index, List<String> notes) {
        static Version read(String name, String version, Locked locked, Path root, AnalysisSettings settings,
                            LockedGraph graph) {
            Path libDir = libDir(root);
            CrateGraph.Package pkg = new CrateGraph.Package(name, version, locked.kind(), root, libDir, false);
            List<Path> files = PackageFiles.of(pkg);
            CargoManifests manifests = new CargoManifests();
            CrateInfo manifest = manifests.crateOf(root.resolve("Cargo.toml"));
            CrateInfo crate = root.equals(manifest.root()) ? manifest
                    : new CrateInfo(root, name, version, dev.unsafehints.grammar.Edition.DEFAULT);
            WorkspaceIndex index = WorkspaceIndex.empty();
            Map<Path, String> texts = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            for (Path file : files) {
                String text = readText(file);
                if (text == null) {
                    notes.add(name + " " + version + ": " + root.relativize(file) + " cannot be read; not reviewed");
                    continue;
                }
                texts.put(file, text);
                try {
                    index.update(crate, DeepStack.call(() -> FileDeclarations.read(file, crate, text)));
                } catch (RuntimeException | StackOverflowError e) {
                    // calls into this file stay unresolved
                }
            }
            if (crate.root() != null) {
                notes.addAll(graph.indexDependenciesOf(locked, crate.root(), index));
            }
            List<FileSites> sites = new ArrayList<>();
            for (Map.Entry<Path, String> e : texts.entrySet()) {
                String relative = root.relativize(e.getKey()).toString().replace('\\', '/');
                try {
                    sites.add(FileSites.analyze(relative, e.getKey(), e.getValue(), crate, index, settings));
                } catch (RuntimeException | StackOverflowError ex) {
                    notes.add(name + " " + version + ": " + relative + ": analysis failed, not reviewed: " + ex);
                }
            }
            return new Version(sites, index, notes);
        }
    }

    /** The folder of the library's root file: {@code [lib] path}'s, else {@code src}. */
    static Path libDir(Path root) {
        try {
            JsonNode manifest = TOML.readTree(Files.readString(root.resolve("Cargo.toml")));
            String lib = manifest.path("lib").path("path").asText("");
            if (!lib.isEmpty()) {
                Path parent = root.resolve(lib).normalize().getParent();
                if (parent != null) {
                    return parent;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the conventional place
        }
        return root.resolve("src");
    }

    /** The text of a package's file, or null when it is too large or cannot be read. */
    private static String readText(Path file) {
        try {
            if (Files.size(file) > GitChanges.MAX_FILE_BYTES) {
                return null;
            }
            return GitChanges.decode(Files.readAllBytes(file), file.toString(), new ArrayList<>());
        } catch (IOException e) {
            return null;
        }
    }
}
