package dev.unsafehints.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.analysis.Severity;
import dev.unsafehints.config.ConfigFile;
import dev.unsafehints.rules.RuleCatalog;
import dev.unsafehints.rules.RuleOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
     * Unknown values are reported and skipped; the rest still applies.
     */
    public void updateEditorSettings(JsonElement section) {
        editor = parse(section, log);
        generation.incrementAndGet();
    }

    static EditorSettings parse(JsonElement section, ClientLog log) {
        if (section == null || !section.isJsonObject()) {
            return EditorSettings.NONE;
        }
        JsonObject object = section.getAsJsonObject();
        Map<String, Severity> severities = new HashMap<>();
        List<String> problems = new ArrayList<>();
        JsonElement rules = object.get("rules");
        if (rules != null && rules.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : rules.getAsJsonObject().entrySet()) {
                if (dev.unsafehints.rules.RuleCatalog.byId(e.getKey()).isEmpty()) {
                    problems.add("unsafeHints.rules." + e.getKey() + ": unknown rule, ignored"
                            + dev.unsafehints.rules.RuleNames.suggestion(e.getKey()).map(m -> "; did you mean " + m + "?")
                            .orElse(""));
                    continue;
                }
                JsonElement value = e.getValue();
                if (!(value instanceof JsonPrimitive) || !value.getAsJsonPrimitive().isString()) {
                    problems.add("unsafeHints.rules." + e.getKey() + " must be a string");
                    continue;
                }
                String text = value.getAsString().trim();
                if (text.isEmpty() || text.equalsIgnoreCase("default")) {
                    continue; // "default": keep the rule's own severity (or the project file's)
                }
                try {
                    severities.put(e.getKey(), Severity.parse(text));
                } catch (IllegalArgumentException ex) {
                    problems.add("unsafeHints.rules." + e.getKey() + ": " + ex.getMessage());
                }
            }
        } else if (rules != null && !rules.isJsonNull()) {
            problems.add("unsafeHints.rules must be an object of rule id to level");
        }
        Map<String, Integer> options = new HashMap<>();
        for (RuleOption option : RuleCatalog.options()) {
            JsonElement t = object.get(option.editorKey());
            if (t != null && !t.isJsonNull()) {
                if (t.isJsonPrimitive() && t.getAsJsonPrimitive().isNumber()
                        && t.getAsDouble() == Math.rint(t.getAsDouble()) && t.getAsDouble() >= 0) {
                    options.put(option.key(), t.getAsInt());
                } else {
                    problems.add("unsafeHints." + option.editorKey() + " must be a whole number >= 0, not " + t);
                }
            }
        }
        boolean cargoEnabled = false;
        JsonElement cargo = object.get("cargo");
        if (cargo != null && cargo.isJsonObject() && cargo.getAsJsonObject().get("enable") != null) {
            JsonElement enable = cargo.getAsJsonObject().get("enable");
            if (enable.isJsonPrimitive() && enable.getAsJsonPrimitive().isBoolean()) {
                cargoEnabled = enable.getAsBoolean();
            } else {
                problems.add("unsafeHints.cargo.enable must be true or false, not " + enable);
            }
        }
        for (String p : problems) {
            log.warn("setting ignored: " + p);
        }
        return new EditorSettings(severities, options, cargoEnabled);
    }
}
