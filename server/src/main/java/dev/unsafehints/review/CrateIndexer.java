package dev.unsafehints.review;

import dev.unsafehints.analysis.DeepStack;
import dev.unsafehints.workspace.CargoManifests;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.FileDeclarations;
import dev.unsafehints.workspace.WorkspaceFiles;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        for (Path f : WorkspaceFiles.rustFilesUnder(crate.root())) {
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

}
