package dev.unsafehints.lsp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.config.ConfigFile;
import dev.unsafehints.config.SettingsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The settings each file is analysed under: the defaults, overridden by the nearest
 * {@code unsafe-hints.toml} (looked for from the file's folder up to its workspace folder, or up to
 * its crate root for a file outside the workspace; so a crate root and a workspace root both
 * work), overridden by the editor's {@code unsafeHints} settings (what a user sets in the editor
 * wins over the project file, as workspace settings win over defaults in editors). Every change
 * bumps {@link #generation()}.
 */
public final class SettingsStore {
    /** The section the server asks the client for with {@code workspace/configuration}. */
    public static final String SECTION = "unsafeHints";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the editor settings say; a missing rule or option means "not set here". */
    public record EditorSettings(Map<String, Severity> severities, Map<String, Integer> options, boolean cargoEnabled) {
        public static final EditorSettings NONE = new EditorSettings(Map.of(), Map.of(), false);

        public EditorSettings {
            severities = Map.copyOf(severities);
            options = Map.copyOf(options);
        }
    }

    private final ClientLog log;
    private final AtomicLong generation = new AtomicLong();
    private volatile EditorSettings editor = EditorSettings.NONE;
    /** Parsed config files; a broken file maps to the defaults (and was reported once). */
    private final Map<Path, AnalysisSettings> configFiles = new ConcurrentHashMap<>();
    /** The config file that applies to the files of a folder, if any. */
    private final Map<Path, Optional<Path>> nearestConfig = new ConcurrentHashMap<>();
    private volatile List<Path> roots = List.of();
    /** The problems of each config file read, while it has any (shown as diagnostics on the file). */
    private final Map<Path, ConfigProblems> problems = new ConcurrentHashMap<>();
    private volatile java.util.function.BiConsumer<Path, ConfigProblems> problemListener;

    /** What is wrong in a config file: at most one error (then the file is not used) and the warnings. */
    public record ConfigProblems(List<ConfigFile.Problem> errors, List<ConfigFile.Problem> warnings) {
        public static final ConfigProblems NONE = new ConfigProblems(List.of(), List.of());

        public ConfigProblems {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean isEmpty() {
            return errors.isEmpty() && warnings.isEmpty();
        }
    }

    public SettingsStore(ClientLog log) {
        this.log = log;
    }

    /**
     * Who shows the config files' problems (the server, as diagnostics on each file); it is told
     * at once of those known, then of every change, and of NONE when a file's problems are gone.
     */
    public void onConfigProblems(java.util.function.BiConsumer<Path, ConfigProblems> listener) {
        problemListener = listener;
        problems.forEach(listener);
    }

    private void showProblems(Path file, ConfigProblems found) {
        ConfigProblems before = found.isEmpty() ? problems.remove(file) : problems.put(file, found);
        var listener = problemListener;
        if (listener != null && !(found.isEmpty() && before == null)) {
            listener.accept(file, found);
        }
    }

    public long generation() {
        return generation.get();
    }

    public List<Path> roots() {
        return roots;
    }

    /** Sets the workspace folders and reads their project files. */
    public void setRoots(List<Path> newRoots) {
        roots = List.copyOf(newRoots);
        reloadProjectFiles();
    }

    /**
     * Forgets every config file read so far (one was created, changed or deleted); they are read
     * again when next needed. The workspace folders' files are read now, so errors show at once.
     */
    public void reloadProjectFiles() {
        configFiles.clear();
        nearestConfig.clear();
        for (Path root : roots) {
            forFolder(root);
        }
        // files that had problems: read them again now, so that fixed or deleted files lose them
        for (Path file : List.copyOf(problems.keySet())) {
            if (Files.isRegularFile(file)) {
                configFiles.computeIfAbsent(file, this::load);
            } else {
                showProblems(file, ConfigProblems.NONE);
            }
        }
        generation.incrementAndGet();
    }

    /** The settings for a file; {@code crateRoot} bounds the search outside the workspace folders (may be null). */
    public AnalysisSettings forFile(Path file, Path crateRoot) {
        AnalysisSettings base = AnalysisSettings.DEFAULT;
        Path root = rootOf(file);
        Path stop = root != null ? root : crateRoot;
        if (file != null && stop != null && file.startsWith(stop)) {
            Optional<Path> config = nearest(file.getParent(), stop);
            if (config.isPresent()) {
                base = configFiles.computeIfAbsent(config.get(), this::load);
            }
        }
        EditorSettings e = editor;
        return base.overriddenBy(e.severities(), e.options());
    }

    /** The settings for the files directly in a folder (e.g. a workspace folder as a whole). */
    public AnalysisSettings forFolder(Path folder) {
        return forFile(folder.resolve("lib.rs"), null);
    }

    private Optional<Path> nearest(Path folder, Path stop) {
        if (folder == null || !folder.startsWith(stop)) {
            return Optional.empty();
        }
        Optional<Path> known = nearestConfig.get(folder);
        if (known != null) {
            return known;
        }
        Path candidate = folder.resolve(ConfigFile.FILE_NAME);
        Optional<Path> found = Files.isRegularFile(candidate) ? Optional.of(candidate)
                : folder.equals(stop) ? Optional.empty()
                : nearest(folder.getParent(), stop);
        nearestConfig.put(folder, found);
        return found;
    }

    private AnalysisSettings load(Path configFile) {
        try {
            ConfigFile.Loaded loaded = ConfigFile.read(configFile);
            for (ConfigFile.Problem w : loaded.warnings()) {
                log.warn(w.describeWarning(configFile.toString()));
            }
            showProblems(configFile, new ConfigProblems(List.of(), loaded.warnings()));
            return loaded.settings();
        } catch (ConfigFile.InvalidConfigException e) {
            log.warn(e.getMessage() + " (the file is ignored until it is fixed)");
            showProblems(configFile, new ConfigProblems(List.of(e.problem()), List.of()));
            return AnalysisSettings.DEFAULT;
        }
    }

    /** The innermost workspace folder holding the file, or null. */
    public Path rootOf(Path file) {
        if (file == null) {
            return null;
        }
        return roots.stream().filter(file::startsWith)
                .max(Comparator.comparingInt(Path::getNameCount)).orElse(null);
    }

    public EditorSettings editorSettings() {
        return editor;
    }

    /**
     * Takes the editor's {@code unsafeHints} object ({@code {"rules": {"id": "warning"}, "largeBlockThreshold": 8,
     * "cargo": {"enable": true}}}); {@code cargo.enable} (off unless set) lets the server run
     * {@code cargo metadata}, which runs what the project's `.cargo/config.toml` names.
     * Values are read as the project file's are ({@link SettingsReader}); a wrong one is reported
     * and skipped, and the rest still applies.
     */
    public void updateEditorSettings(JsonElement section) {
        editor = parse(section, log);
        generation.incrementAndGet();
    }

    static EditorSettings parse(JsonElement section, ClientLog log) {
        if (section == null || !section.isJsonObject()) {
            return EditorSettings.NONE;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(section.toString());
        } catch (JsonProcessingException e) {
            return EditorSettings.NONE; // cannot happen: Gson wrote it
        }
        SettingsReader.Read read = SettingsReader.read(tree, SettingsReader.Source.EDITOR);
        for (SettingsReader.Issue issue : read.issues()) {
            // a wrong editor setting is skipped alone; the others still apply
            log.warn("editor settings: " + issue.message());
        }
        return new EditorSettings(read.severities(), read.options(), read.cargoEnabled());
    }
}
