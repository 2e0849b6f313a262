package dev.unsafehints.workspace;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Rust files of a workspace folder: every {@code .rs} file, skipping build output
 * ({@code target/}), version control and other hidden folders, and {@code node_modules/}.
 * Symbolic links are not followed, so a link loop cannot trap the walk. Used by the language
 * server's workspace index and by review's crate index (the scanner has its own, gitignore-aware walk).
 */
public final class WorkspaceFiles {
    private static final Set<String> SKIPPED = Set.of("target", "node_modules");

    private WorkspaceFiles() {
    }

    public static List<Path> rustFilesUnder(Path root) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    return name.startsWith(".") || SKIPPED.contains(name)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isRustFile(file)) {
                        files.add(file.toAbsolutePath().normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // an unreadable root yields what was found so far
        }
        files.sort(null);
        return files;
    }

    public static boolean isRustFile(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".rs");
    }

    /** True when a path lies in a folder the walk skips (relative to its workspace folder). */
    public static boolean isSkipped(Path root, Path file) {
        if (root == null || !file.startsWith(root)) {
            return false;
        }
        Path rel = root.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String name = rel.getName(i).toString();
            if (name.startsWith(".") || SKIPPED.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
