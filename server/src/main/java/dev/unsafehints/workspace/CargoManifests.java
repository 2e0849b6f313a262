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
        String version = pkg.path("version").isTextual() ? pkg.path("version").asText() : "";
        JsonNode editionNode = pkg.path("edition");
        String edition = "2015"; // Cargo's default when the key is absent
        if (editionNode.isTextual()) {
            edition = editionNode.asText();
        } else if (editionNode.path("workspace").asBoolean(false)) {
            edition = workspaceEdition(folder.getParent());
        }
        Edition parsed;
        try {
            parsed = Edition.fromYear(edition);
        } catch (IllegalArgumentException e) {
            parsed = Edition.DEFAULT;
        }
        return new CrateInfo(folder, name, version, parsed);
    }

    private String workspaceEdition(Path folder) {
        for (Path f = folder; f != null; f = f.getParent()) {
            Path manifest = f.resolve("Cargo.toml");
            if (Files.isRegularFile(manifest)) {
                JsonNode root = readToml(manifest);
                if (root != null && root.has("workspace")) {
                    return root.path("workspace").path("package").path("edition").asText("2015");
                }
            }
        }
        return "2015";
    }

    private static JsonNode readToml(Path manifest) {
        try {
            return TOML.readTree(Files.readString(manifest));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
