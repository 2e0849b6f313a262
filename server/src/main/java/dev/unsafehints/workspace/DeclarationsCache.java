package dev.unsafehints.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The declarations of whole packages (dependencies, the standard library) kept on disk between
 * runs, so that a second scan or editor start does not parse them again. One gzipped JSON file per
 * package, named by package, version and a checksum of what the declarations depend on: the
 * sources (each file's path, size and modification time) and the code that read them (this tool's
 * jar). A changed source or a new tool makes a new key; nothing is ever updated in place.
 *
 * <p>The cache only ever speeds things up: an entry that is missing, unreadable, corrupt or from
 * another format is read as a miss (and the package indexed again), and one that cannot be written
 * is not written. Entries are written to a temporary file and moved into place, so a concurrent run
 * sees a whole entry or none.
 */
public final class DeclarationsCache {
    /** Bump when the stored form changes in a way old entries cannot be read as. */
    private static final String FORMAT = "9";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /**
     * One package's entry: its files' declarations, and the files from outside the library's
     * folder that it includes ({@code #[path]}), with the size and time they had: the key only
     * covers the library's folder, so that a lookup never has to read a source file.
     */
    record Entry(List<Stamp> outside, List<FileDeclarations.Stored> files) {
    }

    /** A file as it was when the entry was written. */
    record Stamp(String path, long size, long modified) {
        static Stamp of(Path file) throws IOException {
            return new Stamp(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        }

        boolean stillHolds() {
            try {
                return equals(of(Path.of(path)));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }

    private final Path folder;

    private DeclarationsCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in {@code folder}; null means no cache (every package is indexed each time). */
    public static DeclarationsCache in(Path folder) {
        return new DeclarationsCache(folder);
    }

    public static final DeclarationsCache NONE = new DeclarationsCache(null);

    /**
     * The user's cache folder: {@code $XDG_CACHE_HOME/unsafe-hints/declarations}, else
     * {@code ~/.cache/unsafe-hints/declarations}.
     */
    public static Path defaultFolder(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("unsafe-hints").resolve("declarations");
    }

    public Path folder() {
        return folder;
    }

    /**
     * The key of a package whose library folder holds {@code files} ({@link PackageFiles#underLibDir}):
     * changes when any of them does.
     */
    public static String keyOf(CrateGraph.Package pkg, List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, FORMAT);
            update(digest, toolFingerprint());
            update(digest, pkg.root().toString());
            for (Path file : files) {
                update(digest, pkg.root().relativize(file).toString());
                try {
                    update(digest, Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis());
                } catch (IOException e) {
                    update(digest, "unreadable");
                }
            }
            String sum = HexFormat.of().formatHex(digest.digest()).substring(0, 24);
            return packageName(pkg) + "-" + sum;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The package's declarations stored under {@code key}, or empty on any kind of miss. */
    public Optional<List<FileDeclarations>> read(String key) {
        if (folder == null) {
            return Optional.empty();
        }
        Path entry = folder.resolve(key + ".json.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(entry), 1 << 16)) {
            Entry stored = JSON.readValue(in, Entry.class);
            for (Stamp outside : stored.outside()) {
                if (!outside.stillHolds()) {
                    return Optional.empty(); // a file pulled in by `#[path]` changed
                }
            }
            return Optional.of(stored.files().stream().map(FileDeclarations::restored).toList());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing, corrupt, truncated or of another format: index again
        }
    }

    /**
     * Stores a package's declarations under {@code key}, with the files outside its library folder
     * that they were read from; a cache that cannot be written is skipped.
     */
    public void write(String key, List<Path> outside, List<FileDeclarations> declarations) {
        if (folder == null) {
            return;
        }
        Path temp = null;
        try {
            List<Stamp> stamps = new java.util.ArrayList<>();
            for (Path file : outside) {
                stamps.add(Stamp.of(file));
            }
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, key, ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                JSON.writeValue(out, new Entry(stamps, declarations.stream().map(FileDeclarations::stored).toList()));
            }
            try {
                Files.move(temp, folder.resolve(key + ".json.gz"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(key + ".json.gz"), StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            dropOtherEntries(key);
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk: the next run indexes the package again
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /**
     * What identifies the code that reads declarations: the jar (or class folder) this class was
     * loaded from, by size and time, so that a rebuilt tool does not read entries an older one wrote.
     */
    private static String toolFingerprint() {
        try {
            Path code = Path.of(DeclarationsCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                code = code.resolve(FileDeclarations.class.getName().replace('.', '/') + ".class");
            }
            return code + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
        } catch (Exception e) {
            return dev.unsafehints.version.ToolVersion.version();
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** The part of a key that names the package: entries of one package share it. */
    private static String packageName(CrateGraph.Package pkg) {
        String version = pkg.version().isEmpty() ? "" : "-" + pkg.version();
        return safeName(pkg.name() + version);
    }

    /**
     * Deletes the entries of the same package under other keys (older sources, an older tool):
     * they would never be read again, and the cache would grow with every upgrade.
     */
    private void dropOtherEntries(String key) {
        String name = key.substring(0, key.length() - 25); // "-" and 24 hex digits
        java.util.regex.Pattern sameName = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(name) + "-[0-9a-f]{24}\\.json\\.gz");
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            for (Path other : entries.toList()) {
                String file = other.getFileName().toString();
                if (sameName.matcher(file).matches() && !file.equals(key + ".json.gz")) {
                    Files.deleteIfExists(other);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for the next write to try
        }
    }

    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
