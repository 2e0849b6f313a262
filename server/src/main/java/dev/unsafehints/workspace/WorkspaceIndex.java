package dev.unsafehints.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the analysis of one file needs to know about the other files of its crate: functions with
 * their unsafety and Safety docs, static muts, unions, pointer-typed struct fields, imports.
 * Updated one file at a time ({@link #update}); safe to use from several threads.
 */
public class WorkspaceIndex {
    /** Declarations per file, grouped by crate root (null root: files outside any crate). */
    private final Map<Path, Map<Path, FileDeclarations>> byCrate = new ConcurrentHashMap<>();
    private static final Path NO_CRATE = Path.of("");

    public static WorkspaceIndex empty() {
        return new WorkspaceIndex();
    }

    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** The package (name, version) of each crate (by its key, see {@link #key}), as the files were indexed under it. */
    private final Map<Path, CrateInfo> packages = new ConcurrentHashMap<>();

    public void update(CrateInfo crate, FileDeclarations declarations) {
        declarations.detach();
        Path key = key(crate, declarations.file());
        if (crate.root() != null && packages.put(key, crate) == null) {
            merged.remove(key);
            mergedAsWritten.remove(key);
        }
        FileDeclarations before = byCrate.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .put(declarations.file(), declarations);
        merged.remove(key);
        mergedAsWritten.remove(key);
        if (before == null || !before.fingerprint().equals(declarations.fingerprint())) {
            version.incrementAndGet();
        }
    }

    public void remove(Path file) {
        for (Map.Entry<Path, Map<Path, FileDeclarations>> e : byCrate.entrySet()) {
            if (e.getValue().remove(file) != null) {
                merged.remove(e.getKey());
                mergedAsWritten.remove(e.getKey());
                version.incrementAndGet();
            }
        }
    }

    /**
     * Goes up whenever what the index declares changes (not when a file is indexed again with the
     * same declarations, as after an edit inside a function body): an analysis made at one version
     * holds at the next only if the version is the same.
     */
    public long version() {
        return version.get();
    }

    /** The merged declarations of each crate, rebuilt after a file of it changes. */
    private final Map<Path, CrateDeclarations> merged = new ConcurrentHashMap<>();
    /**
     * The same without cfg's preferences, for a file the target does not compile (`windows.rs` on
     * Linux): its calls mean the declarations of its own platform, which cfg would set aside.
     */
    private final Map<Path, CrateDeclarations> mergedAsWritten = new ConcurrentHashMap<>();

    /** The indexed declarations of {@code file} when they were read from this very text. */
    public java.util.Optional<FileDeclarations> declarationsOf(CrateInfo crate, Path file, String text) {
        Map<Path, FileDeclarations> known = file == null ? null : byCrate.get(key(crate, file));
        FileDeclarations d = known == null ? null : known.get(file);
        return d != null && d.isOf(text) ? java.util.Optional.of(d) : java.util.Optional.empty();
    }

    public int fileCount() {
        return byCrate.values().stream().mapToInt(Map::size).sum();
    }

    /** Per package root: the names its code uses for its dependencies, and their package roots. */
    private volatile Map<Path, Map<String, Path>> dependencies = Map.of();

    /**
     * Tells the index how the crates name their dependencies (see CrateGraph); the dependencies'
     * files are indexed like the crate's own, under their package roots.
     */
    public void setDependencies(Map<Path, Map<String, Path>> dependencies) {
        this.dependencies = Map.copyOf(dependencies);
        merged.clear();
        mergedAsWritten.clear();
        version.incrementAndGet();
    }

    /** Per workspace member's root: its dev-only dependencies by the name its test code uses. */
    private volatile Map<Path, Map<String, Path>> devDependencies = Map.of();

    /**
     * Tells the index the members' dev-dependencies that are not also normal ones (see
     * {@link CrateGraph#devDependencies()}): only test code (tests/, benches/, examples/,
     * {@code cfg(test)}, {@code #[test]}) resolves into them, see {@link CrateDeclarations#devDependency}.
     */
    public void setDevDependencies(Map<Path, Map<String, Path>> devDependencies) {
        this.devDependencies = Map.copyOf(devDependencies);
        merged.clear();
        mergedAsWritten.clear();
        version.incrementAndGet();
    }

    /** The standard library's crates by name, for every crate that does not name them otherwise. */
    private volatile Map<String, Path> standardLibrary = Map.of();

    /**
     * Tells the index where the standard library's crates are ({@link StdSources}): every crate
     * can name {@code core}, {@code alloc} and {@code std}; their files are indexed like a
     * dependency's, under these roots.
     */
    public void setStandardLibrary(Map<String, Path> crates) {
        this.standardLibrary = Map.copyOf(crates);
        merged.clear();
        mergedAsWritten.clear();
        version.incrementAndGet();
    }

    /** What cfg conditions see in each crate (by package root); unknown everywhere until told. */
    private volatile java.util.function.Function<Path, CfgEnvironment> environments = root -> CfgEnvironment.UNKNOWN;

    /**
     * Tells the index the target and features each crate (by package root) is compiled with, so that
     * lookups prefer the declarations the compiler sees (see {@link CrateDeclarations#functionsNamed}).
     */
    public void setCfgEnvironments(java.util.function.Function<Path, CfgEnvironment> byRoot) {
        this.environments = byRoot;
        merged.clear();
        mergedAsWritten.clear();
        version.incrementAndGet();
    }

    private CfgEnvironment environmentOf(Path key) {
        CfgEnvironment e = key == null || key.equals(NO_CRATE) ? null : environments.apply(packageOf(key));
        return e == null ? CfgEnvironment.UNKNOWN : e;
    }

    /** The view of one crate, with {@code current} (the file being analyzed) taking precedence. */
    public CrateDeclarations crate(CrateInfo crate, FileDeclarations current) {
        Path key = key(crate, current.file());
        Map<Path, FileDeclarations> known = byCrate.get(key);
        if (known != null && known.containsKey(current.file())) {
            // the index holds this file (the scanner and the server update it before analyzing):
            // share one merged view per crate instead of merging for every file
            CrateDeclarations view = mergedView(key);
            return view.leavesOut(current.file()) ? mergedAsWrittenView(key) : view;
        }
        List<FileDeclarations> files = new ArrayList<>();
        files.add(current);
        if (known != null) {
            for (FileDeclarations d : byPath(known.values())) {
                if (!d.file().equals(current.file())) {
                    files.add(d);
                }
            }
        }
        List<FileDeclarations> withExpansions = ItemMacroDeclarations.withExpansions(files, crate.edition(),
                dependencyMacros(key));
        CrateDeclarations view = new CrateDeclarations(withExpansions, environmentOf(key));
        if (view.leavesOut(current.file())) {
            view = new CrateDeclarations(withExpansions, CfgEnvironment.UNKNOWN);
        }
        return connected(view, key, crate);
    }

    /**
     * The names of the `macro_rules!` whose bodies write `unsafe` in the crate of {@code file}
     * (empty when the index does not hold it): a body that calls one is parsed for the analysis.
     */
    public Set<String> macrosWritingUnsafe(CrateInfo crate, Path file) {
        Path root = key(crate, file);
        if (!byCrate.containsKey(root)) {
            return Set.of();
        }
        Set<String> own = mergedView(root).macrosWritingUnsafe();
        Map<String, Path> deps = dependenciesOf(root);
        if (deps.isEmpty()) {
            return own;
        }
        // a dependency's exported macros are called by name too (`use dep::m;`, `#[macro_use]`)
        Set<String> names = new HashSet<>(own);
        for (Path dep : new HashSet<>(deps.values())) {
            if (!dep.equals(root) && byCrate.containsKey(dep)) {
                names.addAll(mergedView(dep).exportedMacrosWritingUnsafe());
            }
        }
        return names;
    }

    /**
     * Makes the expansions of the item macro calls in {@code files} (all of {@code crate}'s files)
     * with its dependencies' exported macros too, as its merged view will, so that a cache entry
     * written now holds them and a run that reads it expands nothing again. Nothing happens while
     * the crate's dependencies are not known yet (they are set after the indexing in the editor).
     */
    public void expandWithDependencies(CrateInfo crate, List<FileDeclarations> files) {
        Path root = crate.root() == null ? NO_CRATE : crate.root(); // a dependency: its library's files
        expandWithDependencies(crate, files, dependencies.getOrDefault(root, Map.of()));
    }

    /**
     * As {@link #expandWithDependencies(CrateInfo, List)} with the crate's dependencies by the names
     * it uses given here: the language server indexes the graph's packages before it tells the index
     * their names (so that no lookup sees a half-indexed graph), and its cache entries must hold the
     * same expansions as the scanner's.
     */
    public void expandWithDependencies(CrateInfo crate, List<FileDeclarations> files, Map<String, Path> names) {
        if (names.isEmpty()) {
            return;
        }
        Path root = crate.root() == null ? NO_CRATE : crate.root();
        ItemMacroDeclarations.withExpansions(byPath(files), crate.edition(), dependencyMacros(root, names));
    }

    private CrateDeclarations mergedView(Path root) {
        return merged.computeIfAbsent(root, k -> newView(root, environmentOf(root)));
    }

    private CrateDeclarations mergedAsWrittenView(Path root) {
        return mergedAsWritten.computeIfAbsent(root, k -> newView(root, CfgEnvironment.UNKNOWN));
    }

    /** The merged declarations of the crate at {@code root}, its item macros' expansions included. */
    private CrateDeclarations newView(Path root, CfgEnvironment environment) {
        Map<Path, FileDeclarations> files = byCrate.getOrDefault(root, Map.of());
        CrateInfo info = packages.get(root);
        CrateDeclarations view = new CrateDeclarations(ItemMacroDeclarations.withExpansions(byPath(files.values()),
                info == null ? dev.unsafehints.grammar.Edition.DEFAULT : info.edition(), dependencyMacros(root)), environment);
        return connected(view, root, info);
    }

    /** Tells a crate's view (by its key) its package, its library and its dependencies. */
    private CrateDeclarations connected(CrateDeclarations view, Path key, CrateInfo info) {
        view.crateInfo = info;
        view.library = packageOf(key).equals(key);
        view.packageLibrary = packageLibraryOf(key);
        view.dependencies = dependencyViews(key);
        view.devDependencies = devDependencyViews(key);
        view.dependencyNames = dependencyNamesOf(key);
        view.devDependencyNames = Set.copyOf(devDependenciesOf(key).keySet());
        return view;
    }

    private Set<String> dependencyNamesOf(Path root) {
        Set<String> names = new java.util.TreeSet<>(dependenciesOf(root).keySet());
        names.addAll(standardLibrary.keySet());
        return names;
    }

    /**
     * The exported macros of the dependencies of the crate at {@code root}, by the names it uses,
     * for the index's expansions of its item macro calls. Read from the dependencies' files as
     * indexed, not from their merged views: those are built while this crate's view is, and a
     * dependency's own expansions do not define macros.
     */
    private ItemMacroDeclarations.DependencyMacros dependencyMacros(Path root) {
        return dependencyMacros(root, dependenciesOf(root));
    }

    private ItemMacroDeclarations.DependencyMacros dependencyMacros(Path root, Map<String, Path> names) {
        if (names.isEmpty()) {
            return ItemMacroDeclarations.DependencyMacros.NONE;
        }
        Map<String, java.util.Optional<String>> known = new ConcurrentHashMap<>();
        return (crateName, name) -> known.computeIfAbsent(crateName + "::" + name, k -> {
            Path dep = names.get(crateName);
            Map<Path, FileDeclarations> files = dep == null || dep.equals(root) ? null : byCrate.get(dep);
            String body = null;
            for (FileDeclarations f : files == null ? List.<FileDeclarations>of() : byPath(files.values())) {
                if (!f.exportedMacros().contains(name)) {
                    continue;
                }
                for (String b : f.macroDefinitions().getOrDefault(name, List.of())) {
                    if (body != null && !body.equals(b)) {
                        return java.util.Optional.empty(); // two definitions: which one is exported is not known here
                    }
                    body = b;
                }
            }
            return java.util.Optional.ofNullable(body);
        }).orElse(null);
    }

    /** Looks up a dependency's merged declarations by the name the crate at {@code root} uses for it. */
    private java.util.function.Function<String, CrateDeclarations> dependencyViews(Path root) {
        Map<String, Path> names = dependenciesOf(root);
        Map<String, Path> std = standardLibrary;
        if (names.isEmpty() && std.isEmpty()) {
            return name -> null;
        }
        return name -> {
            Path dep = names.getOrDefault(name, std.get(name));
            return dep == null || dep.equals(root) || !byCrate.containsKey(dep) ? null : mergedView(dep);
        };
    }

    /** Looks up a dev-only dependency's merged declarations by the name the member at {@code root} uses for it. */
    private java.util.function.Function<String, CrateDeclarations> devDependencyViews(Path root) {
        Map<String, Path> names = devDependenciesOf(root);
        if (names.isEmpty()) {
            return name -> null;
        }
        return name -> {
            Path dep = names.get(name);
            return dep == null || dep.equals(root) || !byCrate.containsKey(dep) ? null : mergedView(dep);
        };
    }

    /**
     * The files in path order: where two files declare the same name (cfg-gated variants of a
     * module), which one a lookup finds first must not depend on the order the files were indexed in.
     */
    private static List<FileDeclarations> byPath(java.util.Collection<FileDeclarations> files) {
        List<FileDeclarations> sorted = new ArrayList<>(files);
        sorted.sort(java.util.Comparator.comparing(FileDeclarations::file));
        return sorted;
    }

    /**
     * The crate {@code file} of the package {@code crate} belongs to: the package root for its
     * library (and files no target owns), else the root file of the binary, test, example, bench
     * or build script that owns it ({@link CargoTargets}). Each of those is a crate of its own:
     * its `crate::` paths and root names are its own, and it names the library like a dependency.
     */
    private Path key(CrateInfo crate, Path file) {
        if (crate.root() == null) {
            return NO_CRATE;
        }
        CargoTargets.Target owner = file == null ? null : CargoTargets.of(crate).owner(file.toAbsolutePath().normalize());
        if (owner == null || owner.kind() == CargoTargets.Kind.LIB) {
            return crate.root();
        }
        packageOfTarget.putIfAbsent(owner.root(), crate.root());
        String library = CargoTargets.of(crate).libName();
        if (owner.kind() != CargoTargets.Kind.BUILD_SCRIPT && library != null) {
            // `[lib] name`, else the package's name with `_` for `-`, as cargo passes it to rustc
            libraryNames.putIfAbsent(owner.root(), library.isEmpty() ? crate.name().replace('-', '_') : library);
        }
        return owner.root();
    }

    /** The package root of a target's crate (by its root file); a package's own key is its root. */
    private final Map<Path, Path> packageOfTarget = new ConcurrentHashMap<>();
    /** The name under which a target's crate (not a build script: it cannot) sees its package's library. */
    private final Map<Path, String> libraryNames = new ConcurrentHashMap<>();

    private Path packageOf(Path key) {
        return packageOfTarget.getOrDefault(key, key);
    }

    /** The dependencies of the crate at {@code key} by the names it uses; a target's include its package's library. */
    private Map<String, Path> dependenciesOf(Path key) {
        Path pkg = packageOf(key);
        Map<String, Path> deps = dependencies.getOrDefault(pkg, Map.of());
        String lib = pkg.equals(key) ? null : libraryNames.get(key);
        if (lib == null || lib.isEmpty()) {
            return deps;
        }
        Map<String, Path> all = new HashMap<>(deps);
        all.putIfAbsent(lib, pkg);
        return all;
    }

    /** For a target's crate, its package's library as the index holds it (null when it holds none). */
    private java.util.function.Supplier<CrateDeclarations> packageLibraryOf(Path key) {
        Path pkg = packageOf(key);
        return () -> pkg.equals(key) || !byCrate.containsKey(pkg) ? null : mergedView(pkg);
    }

    private Map<String, Path> devDependenciesOf(Path key) {
        return devDependencies.getOrDefault(packageOf(key), Map.of());
    }

    /** The declarations of one crate, merged for lookups. */
    public static final class CrateDeclarations {
        private final Map<String, List<DeclaredFn>> fnsByName = new HashMap<>();
        private final Map<String, List<List<String>>> staticMuts = new HashMap<>();
        private final Map<String, Set<String>> unionFields = new HashMap<>();
        private final Map<String, Set<String>> pointerFields = new HashMap<>();
        private final Map<String, Set<String>> otherFields = new HashMap<>();
        private final Map<List<String>, Boolean> moduleVisibility = new HashMap<>();
        private final Map<String, Map<String, FileDeclarations.FieldKind>> fieldKinds = new HashMap<>();
        private final Map<String, Map<String, String>> fieldTypes = new HashMap<>(); // "" where same-named structs disagree
        private final List<FileDeclarations.Import> publicImports = new ArrayList<>();
        /** Every `use` (and `extern crate .. as`) by the module it is written in. */
        private final Map<List<String>, List<FileDeclarations.Import>> importsByModule = new HashMap<>();
        /** What `pub use` in public modules re-exports by name, and the modules whose items a glob re-exports. */
        private final Set<List<String>> reexportedByName = new HashSet<>();
        private final Set<List<String>> reexportedByGlob = new HashSet<>();
        private final Set<List<String>> hiddenModules = new HashSet<>();
        private final Map<String, Set<FileDeclarations.FieldKind>> kindsByFieldName = new HashMap<>();

        private final Map<String, List<String>> typeAliases = new HashMap<>();
        /** The bodies of the crate's `macro_rules!` definitions by name (distinct texts). */
        private final Map<String, Set<String>> macroBodies = new HashMap<>();
        /** The files defining each macro name, with the bodies each one defines (for {@link #macroBody(String, Path)}). */
        private final Map<String, Map<Path, List<String>>> macroBodiesByFile = new HashMap<>();
        private final Set<String> exportedMacros = new HashSet<>();
        private final Set<String> macroUseCrates = new HashSet<>();
        private final Set<String> structNames = new HashSet<>();
        private final Map<String, List<FnPointerField>> unsafeFnFieldsByName = new HashMap<>();
        /** Per module path: the lint levels that its declarations set, one list per declaring file. */
        private final Map<List<String>, List<List<LintLevel>>> declarationLints = new HashMap<>();
        /** Per module path: the inner lint levels of the files that are that module, one list per file. */
        private final Map<List<String>, List<List<LintLevel>>> fileLints = new HashMap<>();
        private final Map<List<String>, Map<String, LintLevel.Level>> inherited =
                new java.util.concurrent.ConcurrentHashMap<>();
        /** The crate's dependencies by the name its code uses (set by the index). */
        private java.util.function.Function<String, CrateDeclarations> dependencies = name -> null;
        /** The crate's dev-only dependencies by the name its test code uses (set by the index). */
        private java.util.function.Function<String, CrateDeclarations> devDependencies = name -> null;
        /** The names of the crate's dependencies, the standard library's included (set by the index). */
        private java.util.Set<String> dependencyNames = Set.of();
        /** The names the crate's test code uses for its dev-only dependencies (set by the index). */
        private java.util.Set<String> devDependencyNames = Set.of();
        private final Set<String> traitNames = new HashSet<>();
        private final Map<String, TypeShapes.Struct> structShapes = new HashMap<>();
        private final Map<String, List<String>> supertraits = new HashMap<>();
        private final Map<String, List<TypeShapes.Deref>> derefs = new HashMap<>();
        private final Map<String, List<TypeShapes.Assoc>> assocs = new HashMap<>();
        private final Map<String, List<TypeShapes.Alias>> aliases = new HashMap<>();
        private final Map<String, String> statics = new HashMap<>();

        /** The declared type of the crate's statics and constants of that name, null when unknown or when they disagree. */
        public String staticType(String name) {
            String t = statics.get(name);
            return t == null || t.isEmpty() ? null : t;
        }

        /**
         * The struct of that name: its generics and field types. Same-named structs in several modules
         * keep only the fields on which they agree.
         */
        public TypeShapes.Struct structShape(String name) {
            return structShapes.get(name);
        }

        /** The supertraits of the crate's trait of that name (last path segments), empty when none or unknown. */
        public List<String> supertraits(String trait) {
            return supertraits.getOrDefault(trait, List.of());
        }

        /**
         * The traits that the crate's trait {@code trait} requires of its associated type {@code name}
         * (`type Item: Pokes;`), empty when none or unknown.
         */
        public List<String> assocBounds(String trait, String name) {
            return supertraits.getOrDefault(TypeShapes.assocBoundKey(trait, name), List.of());
        }

        /** The crate's `Deref` impls for types of that name. */
        public List<TypeShapes.Deref> derefs(String typeName) {
            return derefs.getOrDefault(typeName, List.of());
        }

        /** The associated types that the crate's trait impls for types of that name define. */
        public List<TypeShapes.Assoc> assocTypes(String typeName) {
            return assocs.getOrDefault(typeName, List.of());
        }

        /**
         * The crate's type aliases of that name (one per cfg variant); empty when a struct of the
         * crate has that name too (which one a path means is not known).
         */
        public List<TypeShapes.Alias> aliases(String name) {
            return structNames.contains(name) ? List.of() : aliases.getOrDefault(name, List.of());
        }

        /** The declarations of every dependency of the crate (the standard library's crates included). */
        public List<CrateDeclarations> allDependencies() {
            List<CrateDeclarations> all = new ArrayList<>();
            for (String name : dependencyNames) {
                CrateDeclarations d = dependency(name);
                if (d != null && !all.contains(d)) {
                    all.add(d);
                }
            }
            return all;
        }

        /**
         * The declarations of the crate's dev-only dependencies (not their own dependencies): what
         * test code sees beside {@link #allDependencies()}.
         */
        public List<CrateDeclarations> allDevDependencies() {
            List<CrateDeclarations> all = new ArrayList<>();
            for (String name : devDependencyNames) {
                CrateDeclarations d = devDependency(name);
                if (d != null && !all.contains(d)) {
                    all.add(d);
                }
            }
            return all;
        }

        /** Whether the crate declares a trait of this name. */
        public boolean declaresTrait(String name) {
            return traitNames.contains(name);
        }

        /** The package these declarations are of (its name and version), or null when the index does not say. */
        private CrateInfo crateInfo;
        /** False for a crate of the package's binaries, tests, examples, benches or build script. */
        private boolean library = true;

        /**
         * Whether this is the package's library (or a crate outside any package), not one of its
         * other targets: only the library's code may use the package's name for itself.
         */
        public boolean isLibrary() {
            return library;
        }

        /** The package's library, for a binary's or test's crate; null for the library itself. */
        private java.util.function.Supplier<CrateDeclarations> packageLibrary = () -> null;
        /** {@link #unionFields} with the package library's unions after them, made on first need. */
        private Map<String, Set<String>> unionsWithLibrary;
        private CrateDeclarations unionsLibrary;

        /**
         * The package's library, whose structs and unions a binary or test looks up by name after
         * its own (field access compiles only on its public fields, which are its API).
         */
        private CrateDeclarations packageLibrary() {
            return library ? null : packageLibrary.get();
        }

        /** Whether {@code other} is a crate of the same package (its library, when this is a binary or test). */
        public boolean samePackage(CrateDeclarations other) {
            return other != null && crateInfo != null && other.crateInfo != null && crateInfo.root() != null
                    && crateInfo.root().equals(other.crateInfo.root());
        }

        /**
         * How a user names the package: {@code libc 0.2.139} (its Cargo.toml's name and version),
         * or null when the index does not know it.
         */
        public String packageLabel() {
            if (crateInfo == null || crateInfo.name() == null || crateInfo.name().isEmpty()) {
                return null;
            }
            return crateInfo.version() == null || crateInfo.version().isEmpty() ? crateInfo.name()
                    : crateInfo.name() + " " + crateInfo.version();
        }

        /** Paths into this crate already resolved (see {@link ResolvedPath}), by the path. */
        private final Map<List<String>, ResolvedPath> resolvedPaths = new ConcurrentHashMap<>();

        /** What {@code path} resolved to in this view while it still holds, else null. */
        public ResolvedPath resolvedPath(List<String> path) {
            ResolvedPath known = resolvedPaths.get(path);
            return known != null && known.stillHolds() ? known : null;
        }

        public void rememberResolvedPath(List<String> path, ResolvedPath resolved) {
            resolvedPaths.put(List.copyOf(path), resolved);
        }

        /** The declarations of the dependency this crate's code calls {@code name}, or null. */
        public CrateDeclarations dependency(String name) {
            return dependencies.apply(name);
        }

        /**
         * The declarations of the dev-dependency (not also a normal one) that this crate's test code
         * calls {@code name}, or null: only code compiled in test builds may resolve into it.
         */
        public CrateDeclarations devDependency(String name) {
            return devDependencies.apply(name);
        }

        /**
         * Whether {@code file} of this crate exists only in test, bench and example builds: a file
         * of a test, bench or example target ({@link ModulePaths#isTestTarget}), or a module declared under
         * {@code cfg(test)} ({@code #[cfg(test)] mod tests;}).
         */
        public boolean isTestOnlyFile(Path file) {
            Path root = crateInfo == null ? null : crateInfo.root();
            if (file == null || root == null) {
                return false;
            }
            if (ModulePaths.isTestTarget(file, crateInfo)) {
                return true;
            }
            for (String condition : moduleConditions.of(file)) {
                if (condition.equals("test")) {
                    return true;
                }
            }
            return false;
        }

        /** What cfg conditions see where the crate is compiled (the host's, the package's features). */
        private final CfgEnvironment environment;
        private final ModuleConditions moduleConditions;
        private boolean generatedBindings;
        /** Per fn name: the declarations left once those known not compiled are set aside (see functionsNamed). */
        private final Map<String, List<DeclaredFn>> compiledByName = new java.util.concurrent.ConcurrentHashMap<>();

        CrateDeclarations(List<FileDeclarations> files) {
            this(files, CfgEnvironment.UNKNOWN);
        }

        CrateDeclarations(List<FileDeclarations> files, CfgEnvironment environment) {
            this.environment = environment;
            this.moduleConditions = new ModuleConditions(files);
            Set<Path> leftOut = new HashSet<>();
            if (environment.known()) {
                for (FileDeclarations f : files) {
                    if (Boolean.FALSE.equals(environment.holdsAll(moduleConditions.of(f.file())))) {
                        leftOut.add(f.file());
                    }
                }
            }
            Map<String, TypeShapes.Struct> leftOutShapes = new HashMap<>();
            Map<String, Set<String>> leftOutUnions = new HashMap<>();
            // aliases first: a field typed with an alias of `unsafe fn(..)` is of kind UNSAFE_FN
            for (FileDeclarations f : files) {
                f.typeAliases().forEach((k, v) -> typeAliases.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                structNames.addAll(f.fieldKinds().keySet());
            }
            for (FileDeclarations f : files) {
                traitNames.addAll(f.traits());
                // a struct of a module not compiled here (`windows.rs` on Linux) is another type than the
                // compiled one of that name: it counts only where no compiled file declares one
                f.typeShapes().structs().forEach((name, shape) -> (leftOut.contains(f.file()) ? leftOutShapes : structShapes)
                        .merge(name, shape, TypeShapes::agreeing));
                f.typeShapes().supertraits().forEach(supertraits::putIfAbsent);
                f.typeShapes().statics().forEach((k, v) -> statics.merge(k, v, (a, b) -> a.equals(b) ? a : ""));
                f.typeShapes().derefs().forEach((k, v) -> derefs.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                f.typeShapes().assocs().forEach((k, v) -> assocs.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                f.typeShapes().aliases().forEach((k, v) -> aliases.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                for (DeclaredFn fn : f.functions()) {
                    fnsByName.computeIfAbsent(fn.name(), k -> new ArrayList<>()).add(fn);
                }
                f.staticMuts().forEach((k, v) -> staticMuts.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                f.macroDefinitions().forEach((k, v) -> macroBodies.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
                if (f.file() != null) {
                    f.macroDefinitions().forEach((k, v) -> macroBodiesByFile.computeIfAbsent(k, x -> new HashMap<>())
                            .computeIfAbsent(f.file(), x -> new ArrayList<>()).addAll(v));
                }
                exportedMacros.addAll(f.exportedMacros());
                macroUseCrates.addAll(f.macroUseCrates());
                f.moduleVisibility().forEach(moduleVisibility::putIfAbsent);
                f.moduleLints().forEach((module, lints) ->
                        declarationLints.computeIfAbsent(module, k -> new ArrayList<>()).add(lints));
                if (!f.innerLints().isEmpty() && (!f.fileModulePath().isEmpty() || isModuleTreeRoot(f.file()))) {
                    fileLints.computeIfAbsent(f.fileModulePath(), k -> new ArrayList<>()).add(f.innerLints());
                }
                for (FileDeclarations.Import imp : f.imports()) {
                    importsByModule.computeIfAbsent(imp.modulePath(), k -> new ArrayList<>()).add(imp);
                    if (imp.isPublic()) {
                        publicImports.add(imp);
                    }
                }
                hiddenModules.addAll(f.hiddenModules());
                Map<String, Map<String, FileDeclarations.FieldKind>> kinds = withUnsafeFnAliases(f);
                kinds.forEach((struct, fields) -> {
                    // structs of the same name in different modules: keep every field, and a field
                    // whose kinds disagree says nothing
                    Map<String, FileDeclarations.FieldKind> known = fieldKinds.computeIfAbsent(struct, k -> new HashMap<>());
                    fields.forEach((field, kind) -> known.merge(field, kind,
                            (a, b) -> a == b ? a : FileDeclarations.FieldKind.OTHER));
                    fields.forEach((field, kind) -> kindsByFieldName.computeIfAbsent(field, k -> new HashSet<>()).add(kind));
                });
                f.fieldTypes().forEach((struct, fields) -> {
                    Map<String, String> known = fieldTypes.computeIfAbsent(struct, k -> new HashMap<>());
                    fields.forEach((field, type) -> known.merge(field, type, (a, b) -> a.equals(b) ? a : ""));
                });
                // same-named unions (cfg twins): every field of each, those compiled here first
                if (leftOut.contains(f.file())) {
                    f.unionFields().forEach((k, v) -> leftOutUnions.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
                } else {
                    f.unionFields().forEach((k, v) -> unionFields.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
                }
                f.pointerFields().forEach((k, v) -> pointerFields.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
                f.otherFields().forEach((k, v) -> otherFields.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
            }
            leftOutShapes.forEach(structShapes::putIfAbsent);
            leftOutUnions.forEach(unionFields::putIfAbsent);
            generatedBindings = files.stream().anyMatch(FileDeclarations::includesGenerated);
            for (FileDeclarations.Import imp : publicImports) {
                if (isPlainlyPublic(imp.modulePath())) {
                    (imp.glob() ? reexportedByGlob : reexportedByName).addAll(resolutions(imp));
                }
            }
        }

        /**
         * The file's field kinds, where a field typed with an alias of `unsafe fn(..)` is UNSAFE_FN;
         * also keeps the file's `unsafe fn` fields for {@link #unsafeFnField}.
         */
        private Map<String, Map<String, FileDeclarations.FieldKind>> withUnsafeFnAliases(FileDeclarations f) {
            Map<String, Map<String, FileDeclarations.FieldKind>> kinds = f.fieldKinds();
            for (FnPointerField field : f.fnPointerFields()) {
                if (field.aliasName() != null && unsafeFnAlias(field.aliasName()) == null) {
                    continue;
                }
                if (field.aliasName() != null) {
                    if (kinds == f.fieldKinds()) {
                        kinds = new HashMap<>();
                        for (Map.Entry<String, Map<String, FileDeclarations.FieldKind>> e : f.fieldKinds().entrySet()) {
                            kinds.put(e.getKey(), new HashMap<>(e.getValue())); // the file's maps stay as read
                        }
                    }
                    kinds.computeIfAbsent(field.struct(), k -> new HashMap<>())
                            .put(field.field(), FileDeclarations.FieldKind.UNSAFE_FN);
                }
                unsafeFnFieldsByName.computeIfAbsent(field.field(), k -> new ArrayList<>()).add(field);
            }
            return kinds;
        }

        /**
         * What type alias {@code name} stands for when every alias of that name in the crate is an
         * `unsafe fn(..)` pointer type (cfg variants must agree), else null. A struct of the same
         * name makes the name ambiguous: null too.
         */
        public String unsafeFnAlias(String name) {
            List<String> aliased = typeAliases.get(name);
            if (aliased == null || aliased.isEmpty() || structNames.contains(name)) {
                return null;
            }
            for (String type : aliased) {
                if (!FnPointerTypes.isUnsafeFnPointerText(type)) {
                    return null;
                }
            }
            return aliased.get(0);
        }

        /**
         * The raw pointer type a type written as a plain path stands for when every type alias of
         * that name in the crate is a raw pointer type (`type Handle = *mut c_void;`; cfg variants
         * must agree), else null. A struct of the same name makes the name ambiguous: null too.
         */
        public String rawPointerAlias(String writtenType) {
            if (writtenType == null) {
                return null;
            }
            String t = writtenType.replaceAll("\\s+", "");
            if (!t.matches("(\\w+::)*\\w+")) {
                return null;
            }
            String name = t.substring(t.lastIndexOf(':') + 1);
            List<String> aliased = typeAliases.get(name);
            if (aliased == null || aliased.isEmpty() || structNames.contains(name)) {
                return null;
            }
            String first = null;
            for (String type : aliased) {
                String a = type.strip();
                if (!a.startsWith("*const") && !a.startsWith("*mut")
                        || first != null && first.startsWith("*const") != a.startsWith("*const")) {
                    return null; // not a pointer, or cfg variants that disagree on mutability
                }
                first = first == null ? a : first;
            }
            return first;
        }

        /**
         * The declaration of field {@code field} of {@code struct} when its kind is UNSAFE_FN (see
         * {@link #fieldKind}: a null struct means the field name's kind is the same in every struct), else null.
         */
        public FnPointerField unsafeFnField(String struct, String field) {
            if (fieldKind(struct, field) != FileDeclarations.FieldKind.UNSAFE_FN) {
                return null;
            }
            List<FnPointerField> declared = unsafeFnFieldsByName.getOrDefault(field, List.of());
            for (FnPointerField f : declared) {
                if (f.struct().equals(struct)) {
                    return f;
                }
            }
            return declared.isEmpty() ? null : declared.get(0);
        }

        /** Whether the crate declares a struct of this name with fields (named or tuple). */
        /**
         * The body (as text) of the crate's `macro_rules!` named {@code name} when the crate defines
         * exactly one macro of that name (or several with the same text), else null: which of two
         * different definitions a call sees depends on textual scope that the index does not keep.
         */
        /** The names of the crate's `macro_rules!` whose bodies write `unsafe`. */
        public Set<String> macrosWritingUnsafe() {
            Set<String> known = writingUnsafe;
            if (known == null) {
                if (!COMPUTING_WRITING_UNSAFE.get().add(this)) {
                    // re-exports lead back to a crate still being computed (std's crates import each
                    // other in test code): nothing more from this path
                    return Set.of();
                }
                try {
                    known = Set.copyOf(namesWritingUnsafe());
                } finally {
                    COMPUTING_WRITING_UNSAFE.get().remove(this);
                }
                writingUnsafe = known; // a race only computes the same set twice
            }
            return known;
        }

        private volatile Set<String> writingUnsafe;
        private static final Set<String> STD_CRATE_NAMES = Set.of("std", "core", "alloc");
        private static final ThreadLocal<Set<CrateDeclarations>> COMPUTING_WRITING_UNSAFE =
                ThreadLocal.withInitial(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

        /** The macros that write `unsafe`, themselves or through the crate macros they call. */
        private Set<String> namesWritingUnsafe() {
            Set<String> names = new HashSet<>();
            Map<String, Set<String>> calls = new HashMap<>();
            macroBodies.forEach((name, bodies) -> {
                if (bodies.stream().anyMatch(b -> (" " + b).contains(" unsafe "))) {
                    names.add(name);
                }
                Set<String> called = new HashSet<>();
                for (String body : bodies) {
                    java.util.regex.Matcher m = MACRO_CALL.matcher(body);
                    while (m.find()) {
                        called.add(m.group(1));
                    }
                }
                calls.put(name, called);
            });
            boolean grew = true;
            while (grew) { // to a fixed point: a macro calling one that writes `unsafe` writes it too
                grew = false;
                for (Map.Entry<String, Set<String>> e : calls.entrySet()) {
                    if (!names.contains(e.getKey()) && e.getValue().stream().anyMatch(names::contains)) {
                        names.add(e.getKey());
                        grew = true;
                    }
                }
            }
            names.addAll(renamedWritingUnsafe(names));
            return names;
        }

        /**
         * The names that `use` gives to macros writing `unsafe`: `use m as n;`, `pub use crate::m as n;`,
         * `use dep::m as n;` or `pub use dep::m;` (a dependency's exported one).
         */
        private Set<String> renamedWritingUnsafe(Set<String> own) {
            Set<String> renamed = new HashSet<>();
            for (List<FileDeclarations.Import> imports : importsByModule.values()) {
                for (FileDeclarations.Import imp : imports) {
                    List<String> target = imp.target();
                    if (imp.glob() || target.isEmpty() || imp.alias().isEmpty() || !Character.isLowerCase(imp.alias().charAt(0))) {
                        continue; // macros are named in snake case; types and modules need no look
                    }
                    String original = target.get(target.size() - 1);
                    // std's macros keep their own handling, and std's crates import each other
                    CrateDeclarations dep = target.size() == 2 && !STD_CRATE_NAMES.contains(target.get(0))
                            ? dependencies.apply(target.get(0)) : null;
                    if (dep != null ? dep.exportedMacrosWritingUnsafe().contains(original)
                            : !original.equals(imp.alias()) && own.contains(original)) {
                        renamed.add(imp.alias());
                    }
                }
            }
            return renamed;
        }

        private static final java.util.regex.Pattern MACRO_CALL =
                java.util.regex.Pattern.compile("(?:^| )([A-Za-z_][A-Za-z0-9_]*) ! [(\\[{]");

        /**
         * The body of the crate's `#[macro_export]` macro of that name, for another crate that calls
         * it (`dep::m!`, after `use dep::m;` or `#[macro_use] extern crate dep;`), or null as for
         * {@link #macroBody}.
         */
        public String exportedMacroBody(String name) {
            return exportedMacros.contains(name) ? macroBody(name) : null;
        }

        /** The names of the crate's exported macros whose text writes `unsafe` (themselves or through the crate's). */
        public Set<String> exportedMacrosWritingUnsafe() {
            Set<String> names = new HashSet<>(macrosWritingUnsafe());
            Set<String> reexported = new HashSet<>();
            for (FileDeclarations.Import imp : importsIn(List.of())) { // `pub use crate::m as n;` at the root
                if (imp.isPublic() && !imp.glob()) {
                    reexported.add(imp.alias());
                }
            }
            names.removeIf(n -> !exportedMacros.contains(n) && !reexported.contains(n));
            return names;
        }

        /** The crates whose exported macros the crate brings into scope with `#[macro_use] extern crate`. */
        public Set<String> macroUseCrates() {
            return macroUseCrates;
        }

        public String macroBody(String name) {
            Set<String> bodies = macroBodies.get(name);
            return bodies != null && bodies.size() == 1 ? bodies.iterator().next() : null;
        }

        /**
         * As {@link #macroBody(String)} for a call in {@code from}, leaving out the definitions of
         * files that are never modules of a build that compiles {@code from} ({@link ModuleConditions#exclusive}):
         * rustix's `syscall!` of its libc backend beside the one of its linux_raw backend.
         */
        public String macroBody(String name, Path from) {
            String only = macroBody(name);
            Map<Path, List<String>> byFile = macroBodiesByFile.get(name);
            if (only != null || from == null || byFile == null || byFile.size() < 2) {
                return only;
            }
            Set<String> bodies = new HashSet<>();
            byFile.forEach((file, defined) -> {
                if (!moduleConditions.exclusive(from, file)) {
                    bodies.addAll(defined);
                }
            });
            return bodies.size() == 1 ? bodies.iterator().next() : null;
        }

        public boolean declaresStruct(String name) {
            return fieldKinds.containsKey(name);
        }

        /**
         * The crate's fns of that name. Where cfg makes several declarations of one name (a `linux.rs`
         * and a `windows.rs` module, `#[cfg(unix)] unsafe fn f` beside `#[cfg(windows)] fn f`), those
         * known not to be compiled for the target are left out, as the compiler never sees them;
         * when all of them are left out, all are kept (the code asking may be as cfg'd out as they are).
         */
        public List<DeclaredFn> functionsNamed(String name) {
            List<DeclaredFn> all = fnsByName.getOrDefault(name, List.of());
            if (all.size() < 2 || !environment.known()) {
                return all;
            }
            return compiledByName.computeIfAbsent(name, k -> {
                List<DeclaredFn> compiled = all.stream().filter(fn -> !Boolean.FALSE.equals(isCompiled(fn))).toList();
                return compiled.isEmpty() ? all : compiled;
            });
        }

        /**
         * As {@link #functionsNamed(String)} for a call in {@code from}: the declarations in files that
         * are never modules of a build that compiles {@code from} ({@link ModuleConditions#exclusive})
         * are left out too, unless that leaves none.
         */
        public List<DeclaredFn> functionsNamed(String name, Path from) {
            List<DeclaredFn> all = functionsNamed(name);
            if (all.size() < 2 || from == null) {
                return all;
            }
            List<DeclaredFn> reachable = all.stream().filter(fn -> !moduleConditions.exclusive(from, fn.file())).toList();
            return reachable.isEmpty() || reachable.size() == all.size() ? all : reachable;
        }

        /**
         * Whether the crate is a foreign-function binding whose declarations its build script
         * generates ({@code include!} of a file in {@code OUT_DIR}) in a `-sys` package, Cargo's name
         * for native bindings. Functions called from it that its sources do not declare are in
         * those generated `extern` blocks.
         */
        public boolean hasGeneratedBindings() {
            String name = crateInfo == null ? null : crateInfo.name();
            return generatedBindings && name != null && (name.endsWith("-sys") || name.endsWith("_sys"));
        }

        /** Whether {@code fn} is compiled for this crate's target: true, false, or null when that is not known. */
        public Boolean isCompiled(DeclaredFn fn) {
            if (!environment.known()) {
                return null;
            }
            List<String> conditions = new ArrayList<>(moduleConditions.of(fn.file()));
            conditions.addAll(fn.cfg());
            return environment.holdsAll(conditions);
        }

        /** Whether the target is known not to compile {@code file} (its module's cfg is false here). */
        public boolean leavesOut(Path file) {
            return environment.known() && Boolean.FALSE.equals(environment.holdsAll(moduleConditions.of(file)));
        }

        /** The cfg conditions under which {@code file} of this crate is compiled (its module's declarations, its #![cfg]). */
        public List<String> fileConditions(Path file) {
            return moduleConditions.of(file);
        }

        /**
         * The kind of field {@code field} of struct {@code struct}; when the struct is unknown (null),
         * the kind shared by every crate struct with a field of that name, else null.
         */
        public FileDeclarations.FieldKind fieldKind(String struct, String field) {
            if (struct != null) {
                Map<String, FileDeclarations.FieldKind> fields = fieldKinds.get(struct);
                if (fields != null) {
                    return fields.get(field);
                }
            }
            Set<FileDeclarations.FieldKind> kinds = kindsByFieldName.get(field);
            CrateDeclarations lib = kinds == null ? packageLibrary() : null;
            if (lib != null) {
                return lib.fieldKind(struct, field);
            }
            return kinds != null && kinds.size() == 1 ? kinds.iterator().next() : null;
        }

        /** The declared type of a struct's field (references left out), or null when unknown or ambiguous. */
        public String fieldType(String struct, String field) {
            Map<String, String> fields = fieldTypes.get(struct);
            CrateDeclarations lib = fields == null ? packageLibrary() : null;
            if (lib != null) {
                return lib.fieldType(struct, field);
            }
            String type = fields == null ? null : fields.get(field);
            return type == null || type.isEmpty() ? null : type;
        }

        /** Whether a struct of that name declared in the crate (or its package's library) has a field of that name. */
        public boolean hasStructField(String struct, String field) {
            Map<String, FileDeclarations.FieldKind> fields = fieldKinds.get(struct);
            CrateDeclarations lib = fields == null ? packageLibrary() : null;
            if (lib != null) {
                return lib.hasStructField(struct, field);
            }
            return fields != null && fields.containsKey(field);
        }

        /** The imports written in the module at {@code modulePath}, public or not. */
        public List<FileDeclarations.Import> importsIn(List<String> modulePath) {
            return importsByModule.getOrDefault(modulePath, List.of());
        }

        /** What a type alias of the crate stands for (cfg variants give several), or an empty list. */
        public List<String> typeAlias(String name) {
            return typeAliases.getOrDefault(name, List.of());
        }

        /** Whether a module with this full path is declared in the crate (`mod x;` or `mod x { }`). */
        public boolean hasModule(List<String> modulePath) {
            return moduleVisibility.containsKey(modulePath);
        }

        /**
         * False when a module on the path is declared {@code #[doc(hidden)]}, or without plain `pub`
         * and not re-exported whole: by a `pub use` of that very module or of all its items
         * ({@code pub use m;}, {@code pub use self::m::*;}) in a module that is itself public. A
         * re-export this cannot follow (a glob of another module, a chain of `pub use`) does not
         * count: when it is unclear, the module's items are taken as not exported.
         */
        public boolean isModuleExported(List<String> modulePath) {
            for (int i = 1; i <= modulePath.size(); i++) {
                List<String> prefix = modulePath.subList(0, i);
                if (hiddenModules.contains(prefix)) {
                    return false;
                }
                Boolean pub = moduleVisibility.get(prefix);
                if (pub != null && !pub && !isReexported(prefix, true)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether the item {@code name} of the module {@code modulePath} is re-exported by name
         * ({@code pub use m::name;}) from a public module, so that it is public API although its
         * module is not.
         */
        public boolean isItemReexported(List<String> modulePath, String name) {
            List<String> item = new ArrayList<>(modulePath);
            item.add(name);
            return isReexported(item, false);
        }

        /** A `pub use` (by name; a glob of its items too when {@code glob}) of {@code path} in a plainly public module. */
        private boolean isReexported(List<String> path, boolean glob) {
            return reexportedByName.contains(path) || glob && reexportedByGlob.contains(path);
        }

        /** Whether every module on the path is declared plain `pub` (or is not known to be otherwise) and not hidden. */
        private boolean isPlainlyPublic(List<String> modulePath) {
            for (int i = 1; i <= modulePath.size(); i++) {
                List<String> prefix = modulePath.subList(0, i);
                if (hiddenModules.contains(prefix) || Boolean.FALSE.equals(moduleVisibility.get(prefix))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The crate paths an import's target may stand for: {@code crate::}, {@code self::} and
         * {@code super::} resolved; a plain path both relative to the importing module (2018) and
         * from the crate root (2015).
         */
        private static List<List<String>> resolutions(FileDeclarations.Import imp) {
            List<String> target = imp.target();
            if (target.isEmpty()) {
                return List.of();
            }
            String first = target.get(0);
            if (first.equals("crate")) {
                return List.of(target.subList(1, target.size()));
            }
            if (first.equals("self") || first.equals("super")) {
                List<String> base = new ArrayList<>(imp.modulePath());
                int i = first.equals("self") ? 1 : 0;
                while (i < target.size() && target.get(i).equals("super")) {
                    if (base.isEmpty()) {
                        return List.of();
                    }
                    base.remove(base.size() - 1);
                    i++;
                }
                base.addAll(target.subList(i, target.size()));
                return List.of(base);
            }
            List<String> relative = new ArrayList<>(imp.modulePath());
            relative.addAll(target);
            return imp.modulePath().isEmpty() ? List.of(target) : List.of(relative, target);
        }

        /**
         * The lint levels that the module {@code modulePath} inherits from the modules around it, by
         * lint name as written, as rustc applies them: the crate root's inner attributes, then for
         * each module on the path the attributes of its declaration ({@code #[allow(..)] mod x;})
         * and the inner attributes of its file, the nearest level winning. The file of the module
         * itself is not read (its own attributes are its analysis's). Where several files give one
         * step (cfg variants of a module, or {@code lib.rs} and {@code main.rs} for the root), a
         * level that silences wins: a false warning costs more than a missed one. Empty for the root.
         */
        public Map<String, LintLevel.Level> inheritedLintLevels(List<String> modulePath) {
            if (modulePath.isEmpty() || declarationLints.isEmpty() && fileLints.isEmpty()) {
                return Map.of();
            }
            return inherited.computeIfAbsent(List.copyOf(modulePath), path -> {
                Map<String, LintLevel.Level> levels = new HashMap<>();
                apply(levels, fileLints.get(List.of()));
                for (int i = 1; i <= path.size(); i++) {
                    apply(levels, declarationLints.get(path.subList(0, i)));
                    if (i < path.size()) {
                        apply(levels, fileLints.get(path.subList(0, i)));
                    }
                }
                return Map.copyOf(levels);
            });
        }

        private static void apply(Map<String, LintLevel.Level> levels, List<List<LintLevel>> variants) {
            if (variants == null) {
                return;
            }
            Map<String, LintLevel.Level> step = new HashMap<>();
            for (List<LintLevel> variant : variants) {
                LintLevel.byLint(variant).forEach((lint, level) ->
                        step.merge(lint, level, (a, b) -> a.silences() ? a : b));
            }
            levels.putAll(step);
        }

        /** {@code src/lib.rs} or {@code src/main.rs}: the files whose inner attributes reach the module tree. */
        private static boolean isModuleTreeRoot(Path file) {
            Path name = file == null ? null : file.getFileName();
            Path parent = file == null ? null : file.getParent();
            return name != null && parent != null && parent.getFileName() != null
                    && parent.getFileName().toString().equals("src")
                    && (name.toString().equals("lib.rs") || name.toString().equals("main.rs"));
        }

        /** Whether any method of the crate is declared for this type or trait name. */
        public boolean hasOwner(String owner) {
            if (owners == null) {
                owners = new HashSet<>();
                fnsByName.values().forEach(list -> list.forEach(fn -> {
                    if (fn.owner() != null) {
                        owners.add(fn.owner());
                    }
                }));
            }
            return owners.contains(owner);
        }

        private Set<String> owners;

        public boolean isStaticMut(String name) {
            return staticMuts.containsKey(name);
        }

        /** Whether a `static mut` of this name is declared in exactly this module. */
        public boolean isStaticMutIn(String name, List<String> modulePath) {
            return staticMuts.getOrDefault(name, List.of()).contains(modulePath);
        }

        public Map<String, Set<String>> unions() {
            CrateDeclarations lib = packageLibrary();
            if (lib == null || lib.unions().isEmpty()) {
                return unionFields;
            }
            if (unionsWithLibrary == null || unionsLibrary != lib) { // the library's view is rebuilt when it changes
                Map<String, Set<String>> all = new HashMap<>(unionFields);
                lib.unions().forEach(all::putIfAbsent); // a union of the binary's own shadows the library's
                unionsWithLibrary = all;
                unionsLibrary = lib;
            }
            return unionsWithLibrary;
        }

        /** Whether the crate (or its package's library) declares a struct with fields, or a union, of this name. */
        public boolean declaresStructOrUnion(String name) {
            if (fieldKinds.containsKey(name) || unionFields.containsKey(name)) {
                return true;
            }
            CrateDeclarations lib = packageLibrary();
            return lib != null && lib.declaresStructOrUnion(name);
        }

        /** A field name that only raw-pointer-typed struct fields of the crate (else its package's library) use. */
        public boolean isPointerOnlyField(String field) {
            CrateDeclarations lib = pointerFields.containsKey(field) || otherFields.containsKey(field) ? null : packageLibrary();
            if (lib != null) {
                return lib.isPointerOnlyField(field);
            }
            return pointerFields.containsKey(field) && !otherFields.containsKey(field);
        }
    }
}
