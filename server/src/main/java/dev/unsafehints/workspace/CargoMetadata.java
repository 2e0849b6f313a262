package dev.unsafehints.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds the crate graph of the workspace around a folder the way rust-analyzer and cargo-geiger do:
 * {@code cargo metadata --format-version 1 --offline}, which honours the project's
 * {@code .cargo/config.toml}, source replacement, vendored and path dependencies, renames and
 * features. Nothing is downloaded, and the tree is left as it was found: cargo writes a
 * {@code Cargo.lock} when there is none, so a lock file that did not exist before is deleted
 * again. Cargo missing, failing or too slow gives an empty graph and one line saying why.
 */
public final class CargoMetadata {
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CargoMetadata() {
    }

    /** The graph of the workspace holding {@code folder}, or an empty one with the reason. */
    public static CrateGraph discover(Path folder) {
        return discover(folder, CargoOptions.DEFAULT);
    }

    /** As {@link #discover(Path)}, for a target and with features ({@code --target}, {@code --features}, ...). */
    public static CrateGraph discover(Path folder, CargoOptions options) {
        Path dir = folder.toAbsolutePath().normalize();
        if (CargoLock.nearest(dir, "Cargo.toml") == null) {
            return CrateGraph.EMPTY; // not inside a Cargo package: nothing to resolve
        }
        Set<Path> locksBefore = existingLocks(dir);
        try {
            List<String> command = new ArrayList<>(List.of("cargo", "metadata", "--format-version", "1", "--offline"));
            String platform = options.target() != null ? options.target() : hostTarget();
            if (platform != null) {
                command.addAll(List.of("--filter-platform", platform)); // no Windows-only crates on Linux
            }
            command.addAll(options.featureArguments());
            Process cargo = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(cargo.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(cargo.getErrorStream()));
            if (!cargo.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                cargo.destroyForcibly();
                return CrateGraph.failed("cargo metadata took longer than " + TIME_LIMIT.toSeconds() + " s");
            }
            if (cargo.exitValue() != 0) {
                return CrateGraph.failed("cargo metadata failed: "
                        + cargoError(new String(err.join(), StandardCharsets.UTF_8)));
            }
            return parse(JSON.readTree(out.join()));
        } catch (IOException e) {
            return CrateGraph.failed("cargo not found or not runnable (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CrateGraph.failed("interrupted while running cargo metadata");
        } catch (RuntimeException e) {
            return CrateGraph.failed("cannot read cargo metadata's output: " + e.getMessage());
        } finally {
            removeNewLocks(dir, locksBefore);
        }
    }

    /** The host's target triple from {@code rustc -vV}, or null when rustc cannot tell. */
    static String hostTarget() {
        for (String line : Rustc.output("-vV").orElse("").split("\n")) {
            if (line.startsWith("host: ")) {
                return line.substring(6).strip();
            }
        }
        return null;
    }

    /** The graph in {@code cargo metadata}'s JSON (format version 1). */
    static CrateGraph parse(JsonNode metadata) {
        Set<String> members = new HashSet<>();
        metadata.path("workspace_members").forEach(m -> members.add(m.asText()));
        Map<String, CrateGraph.Package> byId = new HashMap<>();
        List<CrateGraph.Package> packages = new ArrayList<>();
        for (JsonNode p : metadata.path("packages")) {
            Path root = Path.of(p.path("manifest_path").asText()).toAbsolutePath().normalize().getParent();
            Path libDir = null;
            for (JsonNode target : p.path("targets")) {
                for (JsonNode kind : target.path("kind")) {
                    String k = kind.asText();
                    if (libDir == null && (k.equals("lib") || k.equals("rlib") || k.equals("proc-macro"))) {
                        libDir = Path.of(target.path("src_path").asText()).toAbsolutePath().normalize().getParent();
                    }
                }
            }
            String id = p.path("id").asText();
            CrateGraph.Package pkg = new CrateGraph.Package(p.path("name").asText(), p.path("version").asText(),
                    sourceKind(p.path("source"), members.contains(id)), root, libDir, members.contains(id));
            byId.put(id, pkg);
            packages.add(pkg);
        }
        Map<Path, Map<String, Path>> dependencies = new HashMap<>();
        Map<Path, Set<String>> features = new HashMap<>();
        Map<Path, Map<String, Path>> devDependencies = new HashMap<>();
        for (JsonNode node : metadata.path("resolve").path("nodes")) {
            CrateGraph.Package from = byId.get(node.path("id").asText());
            if (from == null) {
                continue;
            }
            Set<String> enabled = new HashSet<>();
            node.path("features").forEach(f -> enabled.add(f.asText()));
            features.put(from.root(), Set.copyOf(enabled));
            Map<String, Path> names = new HashMap<>();
            Map<String, Path> devNames = new HashMap<>();
            for (JsonNode dep : node.path("deps")) {
                CrateGraph.Package to = byId.get(dep.path("pkg").asText());
                if (to != null && isLibraryDependency(dep)) {
                    names.put(dep.path("name").asText().replace('-', '_'), to.root());
                } else if (to != null && from.member() && hasKind(dep, "dev")) {
                    devNames.put(dep.path("name").asText().replace('-', '_'), to.root());
                }
            }
            dependencies.put(from.root(), Map.copyOf(names));
            if (!devNames.isEmpty()) {
                devDependencies.put(from.root(), Map.copyOf(devNames));
            }
        }
        return new CrateGraph(List.copyOf(packages), Map.copyOf(dependencies), List.of(), Map.copyOf(features),
                Map.copyOf(devDependencies));
    }

    /**
     * Whether the library's code can name this dependency: a normal one, not one only of the build
     * script (`build-dependencies`) or of the tests (`dev-dependencies`).
     */
    private static boolean isLibraryDependency(JsonNode dep) {
        JsonNode kinds = dep.path("dep_kinds");
        if (!kinds.isArray() || kinds.isEmpty()) {
            return true; // an older cargo: no kinds said
        }
        for (JsonNode kind : kinds) {
            if (kind.path("kind").isNull() || kind.path("kind").isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the dependency's kinds is {@code kind} ({@code dev}, {@code build}). */
    private static boolean hasKind(JsonNode dep, String kind) {
        for (JsonNode k : dep.path("dep_kinds")) {
            if (kind.equals(k.path("kind").asText(null))) {
                return true;
            }
        }
        return false;
    }

    /** {@code workspace}, {@code registry}, {@code git} or {@code path}, as the JSON report names them. */
    private static String sourceKind(JsonNode source, boolean member) {
        if (member) {
            return "workspace";
        }
        String s = source.isTextual() ? source.asText() : "";
        if (s.startsWith("registry+") || s.startsWith("sparse+")) {
            return "registry";
        }
        return s.startsWith("git+") ? "git" : "path";
    }

    private static Set<Path> existingLocks(Path dir) {
        Set<Path> locks = new HashSet<>();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("Cargo.lock"))) {
                locks.add(d.resolve("Cargo.lock"));
            }
        }
        return locks;
    }

    /** Deletes the lock files cargo wrote where there were none: the user's tree stays as it was. */
    private static void removeNewLocks(Path dir, Set<Path> before) {
        for (Path lock : existingLocks(dir)) {
            if (!before.contains(lock)) {
                try {
                    Files.deleteIfExists(lock);
                } catch (IOException e) {
                    // left behind; nothing else depends on it
                }
            }
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * What went wrong, from cargo's standard error: its first {@code error:} line (the last line is
     * often a reminder such as "you're using offline mode"), else the last line.
     */
    static String cargoError(String text) {
        String[] lines = text.strip().split("\n");
        for (String line : lines) {
            if (line.startsWith("error: ")) {
                return line.substring("error: ".length()).strip();
            }
        }
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "(no message)" : lines[lines.length - 1].strip();
    }
}
