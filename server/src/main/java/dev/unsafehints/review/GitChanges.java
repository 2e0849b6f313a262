package dev.unsafehints.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The Rust files that the working tree changes relative to a base commit, read through JGit: the
 * old text from the base commit, the new text from the working tree (tracked files with their
 * uncommitted edits, and untracked files that {@code .gitignore} does not exclude).
 */
final class GitChanges {
    /** Files larger than this are skipped with a note (generated code, not reviewable by hand). */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** One changed file; {@code oldText} is null for a new file, {@code newText} null for a deleted one. */
    record ChangedFile(String path, String oldText, String newText) {
    }

    /**
     * What changed.
     *
     * @param base        how the base was chosen, e.g. {@code merge base of HEAD and main}
     * @param baseCommit  the base commit, abbreviated, or empty when HEAD has no commits yet
     * @param headCommit  HEAD, abbreviated, or empty
     */
    record Result(String base, String baseCommit, String headCommit, List<ChangedFile> files, List<String> notes) {
    }

    private GitChanges() {
    }

    /** Opens the repository that holds {@code path} (a folder or file inside its working tree). */
    static Repository open(Path path) throws ReviewException {
        Path start = path.toAbsolutePath().normalize();
        if (!Files.exists(start)) {
            throw ReviewException.usage(path + ": no such file or directory");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toFile());
        if (builder.getGitDir() == null) {
            throw ReviewException.usage(path + " is not inside a git repository");
        }
        try {
            Repository repo = builder.setMustExist(true).build();
            if (repo.isBare()) {
                repo.close();
                throw ReviewException.usage(path + " is in a bare repository: review needs a working tree");
            }
            return repo;
        } catch (IOException e) {
            throw ReviewException.io("cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage(), e);
        }
    }

    /** The working tree's changes under {@code prefix} (repository-relative, empty for all) since {@code since}. */
    static Result changes(Repository repo, String since, String prefix) throws ReviewException {
        try (ObjectReader reader = repo.newObjectReader(); RevWalk revs = new RevWalk(reader)) {
            ObjectId headId = repo.resolve(Constants.HEAD + "^{commit}");
            String description;
            RevCommit base;
            if (since != null) {
                ObjectId id = resolve(repo, since);
                base = revs.parseCommit(id);
                description = since;
            } else if (headId == null) {
                base = null;
                description = "the empty tree (HEAD has no commits yet)";
            } else {
                Ref defaultBranch = defaultBranch(repo);
                if (defaultBranch == null) {
                    throw ReviewException.usage("cannot find the default branch (origin/HEAD, main or master);"
                            + " pass --since REV");
                }
                revs.setRevFilter(RevFilter.MERGE_BASE);
                revs.markStart(revs.parseCommit(headId));
                revs.markStart(revs.parseCommit(defaultBranch.getObjectId()));
                base = revs.next();
                revs.reset();
                revs.setRevFilter(RevFilter.ALL);
                if (base == null) {
                    throw ReviewException.usage("HEAD and " + Repository.shortenRefName(defaultBranch.getName())
                            + " have no common history; pass --since REV");
                }
                description = "merge base of HEAD and " + Repository.shortenRefName(defaultBranch.getName());
            }
            List<String> notes = new ArrayList<>();
            List<ChangedFile> files = walk(repo, reader, base == null ? null : base.getTree(), prefix, notes);
            return new Result(description, base == null ? "" : abbreviate(reader, base),
                    headId == null ? "" : abbreviate(reader, headId), files, notes);
        } catch (IOException e) {
            throw ReviewException.io("cannot read the git repository: " + e.getMessage(), e);
        }
    }

    /** HEAD's commit, abbreviated, or empty. */
    static String head(Repository repo) {
        try (ObjectReader reader = repo.newObjectReader()) {
            ObjectId id = repo.resolve(Constants.HEAD + "^{commit}");
            return id == null ? "" : abbreviate(reader, id);
        } catch (IOException | RevisionSyntaxException e) {
            return "";
        }
    }

    private static ObjectId resolve(Repository repo, String since) throws ReviewException, IOException {
        ObjectId id;
        try {
            id = repo.resolve(since + "^{commit}");
        } catch (RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException
                 | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw ReviewException.usage("--since " + since + ": " + e.getMessage());
        }
        if (id == null) {
            throw ReviewException.usage("--since " + since + ": unknown revision");
        }
        return id;
    }

    /** origin/HEAD's target when it is set (what `git clone` records), else main, else master. */
    private static Ref defaultBranch(Repository repo) throws IOException {
        Ref originHead = repo.exactRef("refs/remotes/origin/HEAD");
        if (originHead != null && originHead.getObjectId() != null) {
            return originHead.isSymbolic() ? originHead.getTarget() : originHead;
        }
        for (String name : List.of("refs/heads/main", "refs/heads/master", "refs/remotes/origin/main",
                "refs/remotes/origin/master")) {
            Ref ref = repo.exactRef(name);
            if (ref != null && ref.getObjectId() != null) {
                return ref;
            }
        }
        return null;
    }

    private static List<ChangedFile> walk(Repository repo, ObjectReader reader, ObjectId baseTree, String prefix,
                                          List<String> notes) throws IOException {
        List<ChangedFile> files = new ArrayList<>();
        Path root = repo.getWorkTree().toPath();
        try (TreeWalk walk = new TreeWalk(repo, reader)) {
            AbstractTreeIterator old = baseTree == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, baseTree);
            walk.addTree(old);
            walk.addTree(new DirCacheIterator(repo.readDirCache()));
            walk.addTree(new FileTreeIterator(repo));
            TreeFilter rust = PathSuffixFilter.create(".rs");
            walk.setFilter(prefix.isEmpty() ? rust : AndTreeFilter.create(PathFilter.create(prefix), rust));
            walk.setRecursive(false);
            while (walk.next()) {
                WorkingTreeIterator work = walk.getTree(2, WorkingTreeIterator.class);
                DirCacheIterator index = walk.getTree(1, DirCacheIterator.class);
                boolean inBase = walk.getRawMode(0) != 0;
                boolean ignoredUntracked = work != null && index == null && !inBase && work.isEntryIgnored();
                if (walk.isSubtree()) {
                    if (!ignoredUntracked) {
                        walk.enterSubtree();
                    }
                    continue;
                }
                if (ignoredUntracked || !isRegularFile(walk.getRawMode(0)) && inBase
                        || work != null && !isRegularFile(walk.getRawMode(2))) {
                    continue;
                }
                String path = walk.getPathString();
                ObjectId baseId = inBase ? walk.getObjectId(0) : null;
                if (work == null) {
                    if (baseId != null) {
                        String oldText = blobText(reader, baseId, path, notes);
                        if (oldText != null) {
                            files.add(new ChangedFile(path, oldText, null));
                        }
                    }
                    continue;
                }
                if (baseId != null && index != null && baseId.equals(index.getEntryObjectId())
                        && !work.isModified(index.getDirCacheEntry(), true, reader)) {
                    continue; // same as the base, known from the index without reading the file
                }
                String newText = workingText(root.resolve(path), path, notes);
                if (newText == null) {
                    continue;
                }
                String oldText = baseId == null ? null : blobText(reader, baseId, path, notes);
                if (baseId != null && oldText == null) {
                    continue;
                }
                if (!newText.equals(oldText)) {
                    files.add(new ChangedFile(path, oldText, newText));
                }
            }
        }
        return files;
    }

    private static boolean isRegularFile(int mode) {
        return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
    }

    private static String blobText(ObjectReader reader, ObjectId id, String path, List<String> notes) throws IOException {
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        if (loader.getSize() > MAX_FILE_BYTES) {
            notes.add(path + ": skipped, the base version is larger than 10 MB");
            return null;
        }
        return decode(loader.getBytes(), path + " (base version)", notes);
    }

    private static String workingText(Path file, String path, List<String> notes) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                notes.add(path + ": skipped, larger than 10 MB");
                return null;
            }
            return decode(Files.readAllBytes(file), path, notes);
        } catch (IOException e) {
            notes.add(path + ": skipped, cannot read it: " + e.getMessage());
            return null;
        }
    }

    /** Strict UTF-8, as rustc requires; anything else is not Rust source and is skipped with a note. */
    static String decode(byte[] bytes, String what, List<String> notes) {
        if (bytes.length == 0) {
            return "";
        }
        for (byte b : bytes) {
            if (b == 0) {
                notes.add(what + ": skipped, a binary file");
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            notes.add(what + ": skipped, not valid UTF-8");
            return null;
        }
    }

    /**
     * The text of {@code path} (repository-relative) in commit {@code commit} (as {@link Result}
     * names it), or null when the commit lacks the file; {@code commit} empty: the empty tree.
     */
    static String textAt(Repository repo, String commit, String path, List<String> notes) throws ReviewException {
        if (commit.isEmpty()) {
            return null;
        }
        try (ObjectReader reader = repo.newObjectReader(); RevWalk revs = new RevWalk(reader)) {
            ObjectId id = repo.resolve(commit + "^{commit}");
            if (id == null) {
                return null;
            }
            try (TreeWalk walk = TreeWalk.forPath(reader, path, revs.parseCommit(id).getTree())) {
                return walk == null ? null : blobText(reader, walk.getObjectId(0), path, notes);
            }
        } catch (IOException | RevisionSyntaxException e) {
            throw ReviewException.io("cannot read " + path + " at " + commit + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(ObjectReader reader, ObjectId id) throws IOException {
        return reader.abbreviate(id, 10).name();
    }
}
