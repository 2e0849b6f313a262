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
    /** Counts changes, so a cached merge knows when it is out of date. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    /** Per crate, the merge of all its files' declarations, made at change count {@code version}. */
    private final Map<Path, Merged> merged = new ConcurrentHashMap<>();

    private record Merged(long version, CrateDeclarations all) {
    }

    public static WorkspaceIndex empty() {
        return new WorkspaceIndex();
    }

    public void update(CrateInfo crate, FileDeclarations declarations) {
        byCrate.computeIfAbsent(key(crate), k -> new ConcurrentHashMap<>()).put(declarations.file(), declarations);
        changes.incrementAndGet();
    }

    public void remove(Path file) {
        for (Map<Path, FileDeclarations> files : byCrate.values()) {
            files.remove(file);
        }
        changes.incrementAndGet();
    }

    public int fileCount() {
        return byCrate.values().stream().mapToInt(Map::size).sum();
    }

    /** The view of one crate, with {@code current} (the file being analyzed) taking precedence. */
    public CrateDeclarations crate(CrateInfo crate, FileDeclarations current) {
        Map<Path, FileDeclarations> known = byCrate.get(key(crate));
        FileDeclarations stored = known == null ? null : known.get(current.file());
        if (stored != null && stored.hasSameSource(current)) {
            // The index already holds this very text (the scanner's second pass, an unchanged file):
            // layer the file over one merge of the whole crate, made once, instead of merging every
            // file of the crate again for each file analysed (which made a crate of 20,000 files
            // take minutes: quadratic).
            return new CrateDeclarations(current, mergedCrate(key(crate), known));
        }
        List<FileDeclarations> files = new ArrayList<>();
        files.add(current);
        if (known != null) {
            for (FileDeclarations d : known.values()) {
                if (!d.file().equals(current.file())) {
                    files.add(d);
                }
            }
        }
        return new CrateDeclarations(files);
    }

    private CrateDeclarations mergedCrate(Path key, Map<Path, FileDeclarations> known) {
        long version = changes.get();
        Merged m = merged.get(key);
        if (m == null || m.version() != version) {
            m = new Merged(version, new CrateDeclarations(new ArrayList<>(known.values())));
            merged.put(key, m);
        }
        return m.all();
    }

    private static Path key(CrateInfo crate) {
        return crate.root() == null ? NO_CRATE : crate.root();
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
        private final Set<String> publiclyReexported = new HashSet<>();
        private final Map<String, Set<FileDeclarations.FieldKind>> kindsByFieldName = new HashMap<>();
        /**
         * When layered: the merge of the whole crate, which also holds an identical copy of this
         * file's declarations. This file's own declarations (the fields above) come first, as they
         * do when all files are merged with this one first.
         */
        private final CrateDeclarations crate;
        private final Path file;
        private Map<String, Set<String>> layeredUnions;

        CrateDeclarations(FileDeclarations current, CrateDeclarations crate) {
            this(List.of(current), crate, current.file());
        }

        CrateDeclarations(List<FileDeclarations> files) {
            this(files, null, null);
        }

        private CrateDeclarations(List<FileDeclarations> files, CrateDeclarations crate, Path file) {
            this.crate = crate;
            this.file = file;
            for (FileDeclarations f : files) {
                for (DeclaredFn fn : f.functions()) {
                    fnsByName.computeIfAbsent(fn.name(), k -> new ArrayList<>()).add(fn);
                }
                f.staticMuts().forEach((k, v) -> staticMuts.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                f.moduleVisibility().forEach(moduleVisibility::putIfAbsent);
                for (FileDeclarations.Import imp : f.imports()) {
                    if (imp.isPublic()) {
                        publiclyReexported.addAll(imp.target());
                    }
                }
                f.fieldKinds().forEach((struct, fields) -> {
                    fieldKinds.putIfAbsent(struct, fields);
                    fields.forEach((field, kind) -> kindsByFieldName.computeIfAbsent(field, k -> new HashSet<>()).add(kind));
                });
                f.unionFields().forEach(unionFields::putIfAbsent);
                f.pointerFields().forEach((k, v) -> pointerFields.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
                f.otherFields().forEach((k, v) -> otherFields.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
            }
        }

        public List<DeclaredFn> functionsNamed(String name) {
            List<DeclaredFn> own = fnsByName.getOrDefault(name, List.of());
            if (crate == null) {
                return own;
            }
            List<DeclaredFn> all = new ArrayList<>(own);
            for (DeclaredFn fn : crate.functionsNamed(name)) {
                if (!file.equals(fn.file())) { // this file's are already first
                    all.add(fn);
                }
            }
            return all;
        }

        /**
         * The kind of field {@code field} of struct {@code struct}; when the struct is unknown (null),
         * the kind shared by every crate struct with a field of that name, else null.
         */
        public FileDeclarations.FieldKind fieldKind(String struct, String field) {
            if (struct != null) {
                Map<String, FileDeclarations.FieldKind> fields = fieldKinds.get(struct);
                if (fields == null && crate != null) {
                    fields = crate.fieldKinds.get(struct);
                }
                if (fields != null) {
                    return fields.get(field);
                }
            }
            Set<FileDeclarations.FieldKind> kinds = (crate != null ? crate : this).kindsByFieldName.get(field);
            return kinds != null && kinds.size() == 1 ? kinds.iterator().next() : null;
        }

        /** Whether a module with this full path is declared in the crate (`mod x;` or `mod x { }`). */
        public boolean hasModule(List<String> modulePath) {
            return moduleVisibility.containsKey(modulePath) || crate != null && crate.hasModule(modulePath);
        }

        /** False when a module on the path is known to be declared without plain `pub`. */
        public boolean isModuleExported(List<String> modulePath) {
            for (int i = 1; i <= modulePath.size(); i++) {
                Boolean pub = moduleVisibility.get(modulePath.subList(0, i));
                if (pub == null && crate != null) {
                    pub = crate.moduleVisibility.get(modulePath.subList(0, i));
                }
                Set<String> reexported = crate != null ? crate.publiclyReexported : publiclyReexported;
                if (pub != null && !pub && !reexported.contains(modulePath.get(i - 1))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether any method of the crate is declared for this type or trait name. */
        public boolean hasOwner(String owner) {
            if (crate != null) {
                return crate.hasOwner(owner); // the crate's merge holds this file's methods too
            }
            Set<String> known = owners;
            if (known == null) { // filled before it is published: the crate's merge is shared by threads
                Set<String> collected = new HashSet<>();
                fnsByName.values().forEach(list -> list.forEach(fn -> {
                    if (fn.owner() != null) {
                        collected.add(fn.owner());
                    }
                }));
                owners = collected;
                known = collected;
            }
            return known.contains(owner);
        }

        private volatile Set<String> owners;

        public boolean isStaticMut(String name) {
            return crate != null ? crate.isStaticMut(name) : staticMuts.containsKey(name);
        }

        /** Whether a `static mut` of this name is declared in exactly this module. */
        public boolean isStaticMutIn(String name, List<String> modulePath) {
            return crate != null ? crate.isStaticMutIn(name, modulePath)
                    : staticMuts.getOrDefault(name, List.of()).contains(modulePath);
        }

        public synchronized Map<String, Set<String>> unions() {
            if (crate == null) {
                return unionFields;
            }
            if (layeredUnions == null) { // this file's unions win over same-named ones elsewhere
                layeredUnions = new HashMap<>(crate.unions());
                layeredUnions.putAll(unionFields);
            }
            return layeredUnions;
        }

        /** A field name that only raw-pointer-typed struct fields of the crate use. */
        public boolean isPointerOnlyField(String field) {
            return crate != null ? crate.isPointerOnlyField(field)
                    : pointerFields.containsKey(field) && !otherFields.containsKey(field);
        }
    }
}
