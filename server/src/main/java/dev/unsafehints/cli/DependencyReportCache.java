package dev.unsafehints.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.report.FileReport;
import dev.unsafehints.report.SkippedFile;
import dev.unsafehints.report.UnsafeCodePolicy;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleOption;
import dev.unsafehints.workspace.CrateGraph;
import dev.unsafehints.workspace.DeclarationsCache;
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
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What {@code scan --deps} found in one dependency, kept between runs next to the declarations
 * cache (its {@code reports} folder): registry sources do not change, so a second scan of the same
 * graph reads each package's file reports instead of analysing it again. The key covers what the
 * analysis of the package depends on: its library's files (as the declarations cache keys them,
 * the tool's jar included), its own dependencies' folders, the standard library's folder and the
 * settings. Whether a site is compiled is decided after, for this run's target and features. A
 * missing, corrupt or half-written entry is a miss; entries are written to a temporary file and
 * renamed.
 */
final class DependencyReportCache {
    /** Bump when the stored form changes in a way old entries cannot be read as. */
    private static final String FORMAT = "2";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One package's stored result. */
    record Entry(List<FileReport> files, List<SkippedFile> skipped, UnsafeCodePolicy policy) {
    }

    private final Path folder;

    DependencyReportCache(DeclarationsCache declarations) {
        this.folder = declarations.folder() == null ? null : declarations.folder().resolve("reports");
    }

    /** The key of a package's result in this scan's configuration. */
    static String keyOf(CrateGraph.Package pkg, List<Path> libFiles, CrateGraph graph, String stdLibrary,
                        AnalysisSettings settings, boolean testOnly) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, FORMAT);
            update(digest, DeclarationsCache.keyOf(pkg, libFiles));
            for (Map.Entry<String, Path> dep : new TreeMap<>(graph.dependencies().getOrDefault(pkg.root(), Map.of()))
                    .entrySet()) {
                update(digest, dep.getKey() + "=" + dep.getValue());
            }
            update(digest, String.valueOf(stdLibrary));
            StringBuilder configured = new StringBuilder(new TreeMap<>(settings.severities()).toString());
            for (RuleOption option : RuleCatalog.options()) {
                configured.append('/').append(settings.option(option.key(), option.defaultValue()));
            }
            update(digest, configured.toString());
            if (testOnly) {
                update(digest, "test-only"); // only dev-dependencies bring it in: its sites count as test code
            }
            String name = (pkg.name() + "-" + pkg.version()).replaceAll("[^A-Za-z0-9._+-]", "_");
            return name + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    Optional<Entry> read(String key) {
        if (folder == null) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve(key + ".json.gz")), 1 << 16)) {
            Entry entry = JSON.readValue(in, Entry.class);
            return entry.files() == null || entry.skipped() == null || entry.policy() == null ? Optional.empty()
                    : Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing, corrupt, truncated or of another format: analyse again
        }
    }

    void write(String key, Entry entry) {
        if (folder == null) {
            return;
        }
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, key, ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                JSON.writeValue(out, entry);
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
            // a read-only or full disk: the next run analyses the package again
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

    /** Deletes the same package's entries under other keys (older tool, other settings): the cache does not grow. */
    private void dropOtherEntries(String key) {
        String name = key.substring(0, key.length() - 33); // "-" and 32 hex digits
        java.util.regex.Pattern sameName = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(name) + "-[0-9a-f]{32}\\.json\\.gz");
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

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
