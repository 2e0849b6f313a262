package dev.unsafehints.review;

import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.grammar.ParsedFile;
import dev.unsafehints.grammar.RustParsing;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.ModulePaths;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills a {@link WorkspaceIndex} with the declarations of every crate that a reviewed file belongs
 * to, so calls into other files of the crate resolve (and carry their {@code # Safety} text) as
 * they do in the editor and the scanner. Each crate is indexed once.
 */
final class CrateIndexer {
    private static final long MAX_FILE_BYTES = GitChanges.MAX_FILE_BYTES;

    private final CargoManifests manifests = new CargoManifests();
    private final WorkspaceIndex index = WorkspaceIndex.empty();
    private final Set<Path> indexedCrates = new HashSet<>();

    WorkspaceIndex index() {
        return index;
    }

    CrateInfo crateOf(Path file) {
        return manifests.crateOf(file);
    }

    /** Indexes the crate of {@code file} (once), or just the file's own text when it is in no crate. */
    void indexFor(Path file, String text) {
        CrateInfo crate = manifests.crateOf(file);
        if (crate.root() == null) {
            add(file, text, crate);
            return;
        }
        if (!indexedCrates.add(crate.root())) {
            return;
        }
        for (Path f : rustFiles(crate.root())) {
            if (manifests.crateOf(f).equals(crate)) {
                String content = read(f);
                if (content != null) {
                    add(f, content, crate);
                }
            }
        }
    }

    private void add(Path file, String text, CrateInfo crate) {
        try {
            FileDeclarations declarations = DeepStack.call(() -> FileDeclarations.read(file, crate, text));
            index.update(crate, declarations);
        } catch (RuntimeException | StackOverflowError e) {
            // a file the index cannot take is only a loss of precision for calls into it
        }
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return null;
            }
            return GitChanges.decode(Files.readAllBytes(file), file.toString(), new ArrayList<>());
        } catch (IOException e) {
            return null;
        }
    }

    /** The .rs files under a crate root, without build output, VCS folders and hidden folders. */
    private static List<Path> rustFiles(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.equals("target") || name.startsWith("."));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".rs")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // an unreadable crate folder leaves the index partial, which only costs precision
        }
        files.sort(null);
        return files;
    }
}
