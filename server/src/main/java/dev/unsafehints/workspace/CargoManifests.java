package dev.unsafehints.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.unsafehints.grammar.Edition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the crate a file belongs to (the nearest {@code Cargo.toml} with a {@code [package]}) and
 * reads its name, version and edition, following {@code edition.workspace = true} to the workspace
 * manifest. Results are cached per folder; safe to share between threads.
 */
public final class CargoManifests {
    private static final TomlMapper TOML = new TomlMapper();
    private final Map<Path, CrateInfo> byFolder = new ConcurrentHashMap<>();

    /** The crate holding {@code file}, or {@link CrateInfo#NONE}. */
    public CrateInfo crateOf(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return folder == null ? CrateInfo.NONE : crateOfFolder(folder);
    }

    private CrateInfo crateOfFolder(Path folder) {
        CrateInfo cached = byFolder.get(folder);
        if (cached != null) {
            return cached;
        }
        CrateInfo info = null;
        Path manifest = folder.resolve("Cargo.toml");
        if (Files.isRegularFile(manifest)) {
            info = readPackage(folder, manifest);
        }
        if (info == null) {
            Path parent = folder.getParent();
            info = parent == null ? CrateInfo.NONE : crateOfFolder(parent);
        }
        byFolder.put(folder, info);
        return info;
    }

    /** Reads a manifest; null when it has no [package] (a pure workspace manifest) or cannot be read. */
    private CrateInfo readPackage(Path folder, Path manifest) {
        JsonNode root = readToml(manifest);
        if (root == null) {
            return null;
        }
        JsonNode pkg = root.path("package");
        if (pkg.isMissingNode()) {
            return null;
        }
        String name = pkg.path("name").asText("");
        String version = packageKey(folder, root, "version", "");
        String edition = packageKey(folder, root, "edition", "2015"); // Cargo's default when absent
        Edition parsed;
        try {
            parsed = Edition.fromYear(edition);
        } catch (IllegalArgumentException e) {
            parsed = Edition.DEFAULT;
        }
        return new CrateInfo(folder, name, version, parsed);
    }

    /**
     * A {@code [package]} key, following {@code key.workspace = true} to {@code [workspace.package]}
     * of the workspace root as Cargo does: the manifest named by {@code package.workspace}, else the
     * nearest manifest with a {@code [workspace]} table, starting with the package's own.
     */
    private String packageKey(Path folder, JsonNode manifest, String key, String absent) {
        JsonNode pkg = manifest.path("package");
        JsonNode value = pkg.path(key);
        if (value.isTextual()) {
            return value.asText();
        }
        if (!value.path("workspace").asBoolean(false)) {
            return absent;
        }
        JsonNode workspace = workspaceRoot(folder, manifest, pkg.path("workspace").asText(null));
        JsonNode inherited = workspace == null ? null : workspace.path("workspace").path("package").path(key);
        return inherited != null && inherited.isTextual() ? inherited.asText() : absent;
    }

    private JsonNode workspaceRoot(Path folder, JsonNode manifest, String explicitRoot) {
        if (explicitRoot != null) {
            return readToml(folder.resolve(explicitRoot).resolve("Cargo.toml"));
        }
        if (manifest.has("workspace")) {
            return manifest;
        }
        for (Path f = folder.getParent(); f != null; f = f.getParent()) {
            Path candidate = f.resolve("Cargo.toml");
            if (Files.isRegularFile(candidate)) {
                JsonNode root = readToml(candidate);
                if (root != null && root.has("workspace")) {
                    return root;
                }
            }
        }
        return null;
    }

    /** A TOML file (manifest, lock file, cargo config) as a tree, or null when it cannot be read. */
    static JsonNode readToml(Path manifest) {
        try {
            return TOML.readTree(Files.readString(manifest));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
